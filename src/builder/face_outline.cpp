#include "builder/face_outline.hpp"

#include <opencv2/imgproc.hpp>

#include "avatar/head_colours.hpp"
#include "perception/face/face_mesh_topology.hpp"

namespace am::builder {

std::vector<cv::Point2f> find_face_outline(const FaceMesh& mesh, const cv::Mat& bgr,
                                           const PoseLandmarks& landmarks) {
  const cv::Rect2f box = cv::boundingRect(avatar::estimate_face_outline(landmarks));
  const FaceMeshResult rough = mesh.locate(bgr, roi_from_box(box));
  if (rough.presence < kMinFacePresence) return {};
  const FaceMeshResult refined = mesh.locate(bgr, roi_from_points(rough.points));
  const FaceMeshResult& face = refined.presence >= kMinFacePresence ? refined : rough;
  std::vector<cv::Point2f> oval;
  oval.reserve(kMeshFaceOval.size());
  for (const int i : kMeshFaceOval) oval.push_back(face.points[i]);
  return oval;
}

}  // namespace am::builder

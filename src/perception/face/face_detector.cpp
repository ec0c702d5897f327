#include "perception/face/face_detector.hpp"

namespace am {

FaceDetector::FaceDetector(const std::filesystem::path& models_dir, FaceBoxOptions options,
                           const SessionOptions& session)
    : boxes_(models_dir / kFaceDetectModelFile, options, session),
      landmarker_(models_dir / kFaceLandmarkModelFile, session) {}

std::vector<FaceDetection> FaceDetector::detect(const cv::Mat& bgr) const {
  return describe(bgr, boxes_.detect(bgr));
}

std::vector<FaceDetection> FaceDetector::describe(const cv::Mat& bgr,
                                                  const std::vector<ScoredBox>& boxes) const {
  std::vector<FaceDetection> faces;
  for (const ScoredBox& found : boxes) {
    FaceDetection face{found.box, found.score, landmarker_.locate(bgr, found.box), {}};
    if (face.landmarks.size() != kFaceLandmarkCount) continue;
    face.keypoints = five_points_from_68(face.landmarks);
    faces.push_back(std::move(face));
  }
  return faces;
}

}  // namespace am

#include "pipeline/person_evidence.hpp"

#include "pipeline/conversions.hpp"
#include "tracking/sharpness.hpp"

namespace am {

std::optional<tracking::FaceSample> face_sample(const cv::Mat& bgr, const PoseObservation& person,
                                                const FaceDetector& faces,
                                                const FaceEmbedder& embedder,
                                                const BlazeFaceDetector* far_faces) {
  const cv::Rect head = head_region(person, bgr.size());
  if (head.empty()) return std::nullopt;
  auto found = faces.detect(bgr(head));
  if (found.empty() && far_faces) found = faces.describe(bgr(head), far_faces->detect(bgr(head)));
  if (found.empty()) return std::nullopt;
  const cv::Point2f offset(static_cast<float>(head.x), static_cast<float>(head.y));
  FivePoints points = found.front().keypoints;
  for (auto& p : points) p += offset;
  cv::Rect2f box = found.front().box;
  box.x += offset.x;
  box.y += offset.y;
  tracking::FaceSample sample;
  sample.embedding = embedder.embed(bgr, points);
  sample.width_px = tracking::face_width(points);
  sample.frontality = tracking::frontality(points);
  // Sharpness at the embedder's input size: what the embedding has to work with.
  sample.sharpness = static_cast<float>(tracking::laplacian_variance(bgr, box, kAlignedFaceSize));
  return sample;
}

tracking::BodyAppearance body_appearance(const cv::Mat& bgr, const PoseObservation& person) {
  const tracking::PersonInput input = to_person_input(person);
  return tracking::describe_body(bgr, person.mask ? *person.mask : cv::Mat(), input.landmarks,
                                 input.world, input.box);
}

}  // namespace am

#include "pipeline/conversions.hpp"

#include <algorithm>

namespace am {

tracking::PersonInput to_person_input(const PoseObservation& person) {
  return {person.box, person.score, person.landmarks, person.world_landmarks, {}};
}

cv::Rect head_region(const PoseObservation& person, cv::Size image) {
  constexpr size_t kHeadLandmarks = lm::kMouthRight + 1;
  float x0 = 1e9f, y0 = 1e9f, x1 = -1e9f, y1 = -1e9f;
  for (size_t i = 0; i < kHeadLandmarks; ++i) {
    const auto& l = person.landmarks[i];
    x0 = std::min(x0, l.x), y0 = std::min(y0, l.y);
    x1 = std::max(x1, l.x), y1 = std::max(y1, l.y);
  }
  const float side = 3.0f * std::max(x1 - x0, y1 - y0);
  const cv::Point2f centre((x0 + x1) / 2, (y0 + y1) / 2);
  const cv::Rect square(cv::Point(cvRound(centre.x - side / 2), cvRound(centre.y - side / 2)),
                        cv::Size(cvRound(side), cvRound(side)));
  const cv::Rect clipped = square & cv::Rect(cv::Point(0, 0), image);
  return clipped.width >= 16 && clipped.height >= 16 ? clipped : cv::Rect();
}

PersonPose person_pose(int id, const PoseObservation& person, const BindPose* bind,
                       double timestamp_ms) {
  const Landmarks world = landmark_points(person.world_landmarks);
  std::array<double, 33> confidence{};
  for (size_t i = 0; i < confidence.size(); ++i) confidence[i] = person.landmarks[i].visibility;
  PersonPose pose;
  pose.person_id = id;
  pose.pose_present = true;
  pose.joints = joints_from_landmarks(world, confidence);
  pose.confidence = person.score;
  pose.timestamp = timestamp_ms;
  if (bind) pose.bones = bones_from_rotations(bone_rotations(*bind, world));
  return pose;
}

}  // namespace am

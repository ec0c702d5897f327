#include "avatar/skeleton.hpp"

namespace am::avatar {

BindPose build_skeleton(const PoseLandmarks& world, const ImageToModel& frame) {
  return make_bind_pose(landmark_points(world), Eigen::Vector3d(0, frame.hip_height, 0));
}

Eigen::Vector3f bone_head(const BindPose& skeleton, int bone) {
  return skeleton.head[bone].cast<float>();
}

Eigen::Vector3f bone_tail(const BindPose& skeleton, int bone) {
  return skeleton.tail[bone].cast<float>();
}

}  // namespace am::avatar

// The avatar's skeleton: the body model's 22 humanoid bones (body/bind_pose.hpp) placed on the
// photo's world landmarks, in the mesh's frame (hip midpoint on the mesh's hip point). The .glb
// writes exactly this bind pose, and its rests are those of make_bind_pose(world) the stream
// uses, so the stream's rotations pose the .glb as they pose the landmarks. Conventions:
// docs/skeleton.md.
#pragma once

#include "avatar/types.hpp"
#include "body/bind_pose.hpp"

namespace am::avatar {

BindPose build_skeleton(const PoseLandmarks& world, const ImageToModel& frame);

// A bone's head and tail in the mesh frame, as floats.
Eigen::Vector3f bone_head(const BindPose& skeleton, int bone);
Eigen::Vector3f bone_tail(const BindPose& skeleton, int bone);

}  // namespace am::avatar

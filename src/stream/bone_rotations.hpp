// Pose to bone rotations. Takes MediaPipe world landmarks (metres, origin between the hips, x to
// the image's right, y down, z away from the camera) of a bind pose (the avatar's photo) and of a
// live pose; gives, per humanoid bone, the local rotation a Godot client applies as it is
// (Godot 3: set_bone_pose; Godot 4: rest rotation * q). Guarantees unit quaternions and that
// forward kinematics of the bind skeleton with these rotations points every bone along the live
// pose's bone direction. Conventions (axes, bone rest frames): docs/skeleton.md.
#pragma once

#include <array>

#include <Eigen/Geometry>

#include "stream/names.hpp"

namespace am {

using Landmarks = std::array<Eigen::Vector3d, kLandmarkCount>;  // indexed by Landmark
using BoneQuats = std::array<Eigen::Quaterniond, kBoneCount>;   // indexed by Bone
using BonePoints = std::array<Eigen::Vector3d, kBoneCount>;

// MediaPipe world frame to glTF/Godot (Y up, avatar faces +Z): (x, -y, -z).
Eigen::Vector3d mediapipe_to_godot(const Eigen::Vector3d& p);
Landmarks mediapipe_to_godot(const Landmarks& mediapipe);

// The bind skeleton in glTF/Godot coordinates, everything clients and exporters need.
struct BindPose {
  Landmarks points;  // bind landmarks, glTF/Godot coordinates
  BonePoints head;   // bone head (joint) positions
  BonePoints tail;   // where each bone's +Y axis points to
  BoneQuats rest;    // global rest rotation of each bone (+Y along the bone)
};

BindPose make_bind_pose(const Landmarks& mediapipe_bind);

// Local rotation of each bone relative to its rest, for the live pose.
BoneQuats bone_rotations(const BindPose& bind, const Landmarks& mediapipe_pose);

// Forward kinematics: the global rotation and head position of each bone of the bind skeleton
// posed with `local` (Godot 3 semantics: global = parent_global * rest_local * local).
struct PosedSkeleton {
  BoneQuats global;
  BonePoints head;
};
PosedSkeleton forward_kinematics(const BindPose& bind, const BoneQuats& local);

}  // namespace am

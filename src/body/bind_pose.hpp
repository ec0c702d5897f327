// The humanoid bones placed on a pose: where each bone's head and tail lie for 33 world landmarks,
// its rest frame, and forward kinematics. Takes MediaPipe world landmarks (metres, origin between
// the hips, x to the image's right, y down, z away from the camera); works in glTF/Godot
// coordinates (Y up, the avatar faces +Z, +X is the avatar's left). The avatar writes its .glb
// skeleton from make_bind_pose (hips at the mesh's hip point) and the stream computes rotations
// against make_bind_pose of the same landmarks, so both agree on every rest frame by construction.
// Conventions: docs/skeleton.md.
#pragma once

#include <array>
#include <optional>

#include <Eigen/Core>
#include <Eigen/Geometry>

#include "body/landmarks.hpp"
#include "body/skeleton.hpp"

namespace am {

using Landmarks = std::array<Eigen::Vector3d, kLandmarkCount>;  // indexed by Landmark
using BoneQuats = std::array<Eigen::Quaterniond, kBoneCount>;   // indexed by Bone
using BonePoints = std::array<Eigen::Vector3d, kBoneCount>;

// The positions of world landmarks, unchanged (metres, MediaPipe frame).
Landmarks landmark_points(const PoseLandmarks& world);

// MediaPipe world frame to glTF/Godot: (x, -y, -z).
Eigen::Vector3d mediapipe_to_godot(const Eigen::Vector3d& p);
Landmarks mediapipe_to_godot(const Landmarks& mediapipe);

// One bone as the landmarks place it: head, tail and, where the landmarks fix the bone's twist
// (hips, spine, chest, head, hands, feet), a lateral reference direction.
struct BoneSegment {
  Eigen::Vector3d head, tail;
  std::optional<Eigen::Vector3d> lateral;
};
using BoneSegments = std::array<BoneSegment, kBoneCount>;

// The bones of a pose given as glTF/Godot points (the table in docs/skeleton.md).
BoneSegments bone_segments(const Landmarks& godot_points);

// The bind skeleton, everything clients and exporters need.
struct BindPose {
  Landmarks points;  // bind landmarks, glTF/Godot coordinates, hip midpoint at the chosen origin
  BonePoints head;   // bone head (joint) positions
  BonePoints tail;   // where each bone's +Y axis points to
  BoneQuats rest;    // global rest rotation of each bone (+Y along the bone, body/rest_frame.hpp)
};

// hips: where the hip midpoint goes (the stream uses the origin, the avatar its mesh's hip point).
BindPose make_bind_pose(const Landmarks& mediapipe_bind,
                        const Eigen::Vector3d& hips = Eigen::Vector3d::Zero());

// Global rest transform of each bone (rotation rest, translation head), and each bone's rest
// relative to its parent (the glTF node TRS).
std::array<Eigen::Isometry3d, kBoneCount> global_rest_transforms(const BindPose& bind);
std::array<Eigen::Isometry3d, kBoneCount> local_rest_transforms(const BindPose& bind);

// Forward kinematics: the global rotation and head position of each bone of the bind skeleton
// posed with `local` rotations relative to the rests (global = parent_global * rest_local * local).
struct PosedSkeleton {
  BoneQuats global;
  BonePoints head;
};
PosedSkeleton forward_kinematics(const BindPose& bind, const BoneQuats& local);

}  // namespace am

// Humanoid skeleton with Godot SkeletonProfileHumanoid bone names, placed from the world
// landmarks. Takes the world landmarks and the image-to-model map of the mesh; gives 22
// bones in the mesh's frame (world landmarks in glTF axes, hip midpoint on the mesh's hip
// point), heads and tails as the pose stream defines them. Rest orientation: +Y from the
// bone's head toward its tail (its primary child's head), +Z the body's forward (+Z) made
// orthogonal to +Y, or up (+Y) when the bone points within 25 degrees of forward or back
// (feet); X = Y x Z.
// The bind pose is the pose in the photo. Conventions: docs/skeleton.md.
#pragma once

#include <array>
#include <string_view>
#include <vector>

#include "avatar/types.hpp"

namespace am::avatar {

inline constexpr std::array<std::string_view, 22> kHumanoidBones = {
    "Hips",          "Spine",         "Chest",         "UpperChest",    "Neck",
    "Head",          "LeftShoulder",  "LeftUpperArm",  "LeftLowerArm",  "LeftHand",
    "RightShoulder", "RightUpperArm", "RightLowerArm", "RightHand",     "LeftUpperLeg",
    "LeftLowerLeg",  "LeftFoot",      "LeftToes",      "RightUpperLeg", "RightLowerLeg",
    "RightFoot",     "RightToes"};

Skeleton build_skeleton(const PoseLandmarks& world, const ImageToModel& frame);

// Index of the bone called name, -1 when there is none.
int find_bone(const Skeleton& skeleton, std::string_view name);

// Rest orientation for a bone from head to tail (see the header comment).
Eigen::Matrix3f rest_rotation_for(const Eigen::Vector3f& head, const Eigen::Vector3f& tail);

// Per bone: global rest transform (model frame), local rest transform (relative to the
// parent, the glTF node TRS), inverse bind matrix (inverse of the global rest transform).
std::vector<Eigen::Affine3f> global_rest_transforms(const Skeleton& skeleton);
std::vector<Eigen::Affine3f> local_rest_transforms(const Skeleton& skeleton);
std::vector<Eigen::Matrix4f> inverse_bind_matrices(const Skeleton& skeleton);

}  // namespace am::avatar

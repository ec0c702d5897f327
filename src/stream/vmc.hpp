// The VMC protocol's view of our skeleton (protocol.vmc.info, "Performer to Marionette"). Takes
// the bind pose and the local bone rotations that bone_rotations() gives; gives, per humanoid
// bone, the Unity localPosition / localRotation a VMC receiver applies to a normalised humanoid
// (every bone's rest rotation the identity in T-pose), in Unity's left-handed axes, and the OSC
// bundle of one frame: /VMC/Ext/OK, /VMC/Ext/T, /VMC/Ext/Root/Pos, one /VMC/Ext/Bone/Pos per
// bone. Our bone names are Unity's HumanBodyBones names. Conversion: docs/protocol.md, "VMC".
#pragma once

#include <array>
#include <string>

#include "body/bone_rotations.hpp"
#include "stream/osc.hpp"

namespace am {

struct VmcBonePose {
  Eigen::Vector3d position;     // Unity localPosition (metres)
  Eigen::Quaterniond rotation;  // Unity localRotation, relative to the T-pose
};
using VmcPose = std::array<VmcBonePose, kBoneCount>;  // indexed by Bone

// glTF/Godot (right-handed, avatar faces +Z, its left +X) to Unity (left-handed, faces +Z,
// its right +X): mirror X. Positions (-x, y, z); rotations (x, -y, -z, w).
Eigen::Vector3d godot_to_unity(const Eigen::Vector3d& p);
Eigen::Quaterniond godot_to_unity(const Eigen::Quaterniond& q);

// Where a bone points in the canonical T-pose, glTF/Godot axes.
Eigen::Vector3d tpose_direction(Bone bone);

// The world rotation taking each bone from its canonical T-pose direction (spine and head up,
// left arm +X, right arm -X, legs down, feet forward) to where the bind pose points it.
BoneQuats tpose_to_bind(const BindPose& bind);

VmcPose vmc_pose(const BindPose& bind, const BoneQuats& local);

// One frame as an OSC bundle; time_s is /VMC/Ext/T (seconds since the sender started).
std::string encode_vmc_frame(const VmcPose& pose, double time_s);

}  // namespace am

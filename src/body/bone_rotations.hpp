// Pose to bone rotations. Takes the bind skeleton (body/bind_pose.hpp: the avatar's photo) and a
// live pose's MediaPipe world landmarks (metres, origin between the hips, x to the image's right,
// y down, z away from the camera); gives, per humanoid bone, the local rotation a Godot client
// applies as it is (Godot 3: set_bone_pose; Godot 4: rest rotation * q). Guarantees unit
// quaternions and that forward_kinematics of the bind skeleton with these rotations points every
// bone along the live pose's bone direction. Conventions (axes, bone rest frames):
// docs/skeleton.md.
#pragma once

#include "body/bind_pose.hpp"

namespace am {

// Local rotation of each bone relative to its rest, for the live pose.
BoneQuats bone_rotations(const BindPose& bind, const Landmarks& mediapipe_pose);

}  // namespace am

// Writes a small skinned test avatar (.glb) for the Godot end-to-end test: one box per humanoid
// bone around the bone's head-to-tail segment, every vertex weighted fully to its bone, joint
// nodes named after the bones with rests from make_bind_pose() (docs/skeleton.md), and inverse
// bind matrices from the bind pose. tinygltf stays inside this file's .cpp.
#pragma once

#include <filesystem>

#include "body/bone_rotations.hpp"

namespace am::test {

void write_test_avatar_glb(const BindPose& bind, const std::filesystem::path& out);

}  // namespace am::test

// The humanoid skeleton every stage shares: 22 bones with Godot's SkeletonProfileHumanoid names,
// parents before children. The avatar's .glb has exactly these joints in this order and the
// stream sends a rotation for each of them by name.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace am {

enum class Bone : int {
  Hips,
  Spine,
  Chest,
  UpperChest,
  Neck,
  Head,
  LeftShoulder,
  LeftUpperArm,
  LeftLowerArm,
  LeftHand,
  RightShoulder,
  RightUpperArm,
  RightLowerArm,
  RightHand,
  LeftUpperLeg,
  LeftLowerLeg,
  LeftFoot,
  LeftToes,
  RightUpperLeg,
  RightLowerLeg,
  RightFoot,
  RightToes
};
inline constexpr int kBoneCount = 22;

constexpr int index(Bone b) { return static_cast<int>(b); }

std::string_view bone_name(Bone bone);
std::optional<Bone> bone_parent(Bone bone);  // nullopt for Hips
std::optional<Bone> find_bone(std::string_view name);
std::vector<std::string> bone_name_list();

}  // namespace am

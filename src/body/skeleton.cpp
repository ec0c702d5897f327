#include "body/skeleton.hpp"

namespace am {

namespace {

struct BoneInfo {
  std::string_view name;
  int parent;  // -1: none
};

constexpr std::array<BoneInfo, kBoneCount> kBones = {{
    {"Hips", -1},          {"Spine", 0},      {"Chest", 1},         {"UpperChest", 2},
    {"Neck", 3},           {"Head", 4},       {"LeftShoulder", 3},  {"LeftUpperArm", 6},
    {"LeftLowerArm", 7},   {"LeftHand", 8},   {"RightShoulder", 3}, {"RightUpperArm", 10},
    {"RightLowerArm", 11}, {"RightHand", 12}, {"LeftUpperLeg", 0},  {"LeftLowerLeg", 14},
    {"LeftFoot", 15},      {"LeftToes", 16},  {"RightUpperLeg", 0}, {"RightLowerLeg", 18},
    {"RightFoot", 19},     {"RightToes", 20},
}};

}  // namespace

std::string_view bone_name(Bone bone) { return kBones[index(bone)].name; }

std::optional<Bone> bone_parent(Bone bone) {
  const int parent = kBones[index(bone)].parent;
  if (parent < 0) return std::nullopt;
  return static_cast<Bone>(parent);
}

std::optional<Bone> find_bone(std::string_view name) {
  for (int b = 0; b < kBoneCount; ++b)
    if (kBones[b].name == name) return static_cast<Bone>(b);
  return std::nullopt;
}

std::vector<std::string> bone_name_list() {
  std::vector<std::string> out;
  out.reserve(std::size(kBones));
  for (const auto& b : kBones) out.emplace_back(b.name);
  return out;
}

}  // namespace am

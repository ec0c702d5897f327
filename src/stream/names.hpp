// The names the wire protocol uses: MediaPipe's 33 pose landmarks (core/body_landmarks.hpp) and
// the humanoid bones (Godot's SkeletonProfileHumanoid names) that the stream drives, with parents.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/body_landmarks.hpp"

namespace am {

inline constexpr int kProtocolVersion = 2;  // 2: every message in {"type", "data"}

// The humanoid bones we drive, parents before children.
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
  RightUpperLeg,
  RightLowerLeg,
  RightFoot
};
inline constexpr int kBoneCount = 20;

std::string_view bone_name(Bone bone);
std::optional<Bone> bone_parent(Bone bone);  // nullopt for Hips
std::vector<std::string> bone_name_list();
std::vector<std::string> landmark_name_list();

}  // namespace am

// The names the wire protocol uses: MediaPipe's 33 pose landmarks (in model output order) and the
// humanoid bones (Godot's SkeletonProfileHumanoid names) that the stream drives, with parents.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace am {

inline constexpr int kProtocolVersion = 2;  // 2: every message in {"type", "data"}
inline constexpr int kLandmarkCount = 33;

enum class Landmark : int {
  nose,
  left_eye_inner,
  left_eye,
  left_eye_outer,
  right_eye_inner,
  right_eye,
  right_eye_outer,
  left_ear,
  right_ear,
  mouth_left,
  mouth_right,
  left_shoulder,
  right_shoulder,
  left_elbow,
  right_elbow,
  left_wrist,
  right_wrist,
  left_pinky,
  right_pinky,
  left_index,
  right_index,
  left_thumb,
  right_thumb,
  left_hip,
  right_hip,
  left_knee,
  right_knee,
  left_ankle,
  right_ankle,
  left_heel,
  right_heel,
  left_foot_index,
  right_foot_index
};

// MediaPipe's landmark names, index i naming landmark i.
const std::array<std::string_view, kLandmarkCount>& landmark_names();

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

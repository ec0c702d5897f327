// MediaPipe's 33 pose landmarks: the one enum and name table every stage uses (perception's JSON
// output, tracking's quality messages, the wire protocol). Landmark order is the pose model's
// output order; landmark_names()[i] names Landmark(i).
#pragma once

#include <array>
#include <string_view>

namespace am {

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

const std::array<std::string_view, kLandmarkCount>& landmark_names();

}  // namespace am

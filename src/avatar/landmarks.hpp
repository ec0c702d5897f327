// MediaPipe pose landmark indices (DESIGN.md section 5) and small helpers on them.
#pragma once

#include "avatar/types.hpp"

namespace am::avatar::lm {

enum Index : int {
  kNose = 0,
  kLeftEye = 2,
  kRightEye = 5,
  kLeftEar = 7,
  kRightEar = 8,
  kLeftShoulder = 11,
  kRightShoulder = 12,
  kLeftElbow = 13,
  kRightElbow = 14,
  kLeftWrist = 15,
  kRightWrist = 16,
  kLeftPinky = 17,
  kRightPinky = 18,
  kLeftIndex = 19,
  kRightIndex = 20,
  kLeftHip = 23,
  kRightHip = 24,
  kLeftKnee = 25,
  kRightKnee = 26,
  kLeftAnkle = 27,
  kRightAnkle = 28,
  kLeftHeel = 29,
  kRightHeel = 30,
  kLeftFootIndex = 31,
  kRightFootIndex = 32,
};

inline Eigen::Vector2f pixel(const PoseLandmarks& l, int i) { return {l[i].x, l[i].y}; }

inline Eigen::Vector2f pixel_mid(const PoseLandmarks& l, int i, int j) {
  return 0.5f * (pixel(l, i) + pixel(l, j));
}

// Model-frame depth (glTF Z, toward the camera) of a world landmark.
inline float model_z(const PoseLandmarks& world, int i) { return -world[i].z; }

}  // namespace am::avatar::lm

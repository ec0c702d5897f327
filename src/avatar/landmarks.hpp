// Small helpers on pose landmarks for the avatar; lm::k* are the body model's landmark indices
// (body/landmarks.hpp).
#pragma once

#include "avatar/types.hpp"

namespace am::avatar::lm {

using namespace am::lm;  // the one landmark enum (body/landmarks.hpp)

inline Eigen::Vector2f pixel(const PoseLandmarks& l, int i) { return {l[i].x, l[i].y}; }

inline Eigen::Vector2f pixel_mid(const PoseLandmarks& l, int i, int j) {
  return 0.5f * (pixel(l, i) + pixel(l, j));
}

// Model-frame depth (glTF Z, toward the camera) of a world landmark.
inline float model_z(const PoseLandmarks& world, int i) { return -world[i].z; }

}  // namespace am::avatar::lm

// Standing height from the world landmarks alone (metres), independent of the silhouette, so it
// holds when the feet or the top of the head are out of the photo. Takes MediaPipe world
// landmarks; gives leg (hip-knee-ankle, mean of both sides) + trunk (hip to shoulder midpoints)
// + 1.6 x (shoulder midpoint to ear midpoint: the head above the ears is about 0.6 of it),
// divided by 1 - 0.039 (the ankle joint's height, of the stature). Proportions: ANSUR II-like
// adult means (docs/avatar.md).
//
// stature_from_floor_camera: the metric stature a fixed camera of known height above the floor
// sees, from two image rows: the soles (on the floor) and the top of the head. The soles' ray
// meets the floor at the person's distance; the head's ray at that distance gives the head's
// height. Nothing when the soles are at or above the horizon (no floor point in front).
#pragma once

#include <optional>

#include "avatar/types.hpp"

namespace am::avatar {

float estimate_height_m(const PoseLandmarks& world);

struct FloorCamera {
  float height_m = 0;   // optical centre above the floor
  float fy_px = 0;      // focal length in pixels (vertical)
  float cy_px = 0;      // principal point's row
  float pitch_deg = 0;  // tilt below the horizontal
};

std::optional<float> stature_from_floor_camera(float head_top_row, float sole_row,
                                               const FloorCamera& camera);

}  // namespace am::avatar

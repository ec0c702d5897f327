// Standing height from the world landmarks alone (metres), independent of the silhouette, so it
// holds when the feet or the top of the head are out of the photo. Takes MediaPipe world
// landmarks; gives leg (hip-knee-ankle, mean of both sides) + trunk (hip to shoulder midpoints)
// + 1.6 x (shoulder midpoint to ear midpoint: the head above the ears is about 0.6 of it),
// divided by 1 - 0.039 (the ankle joint's height, of the stature). Proportions: ANSUR II-like
// adult means (docs/avatar.md).
#pragma once

#include "avatar/types.hpp"

namespace am::avatar {

float estimate_height_m(const PoseLandmarks& world);

}  // namespace am::avatar

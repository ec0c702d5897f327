// World landmarks that agree with the image. Takes a frame's image landmarks (pixels) and its
// world landmarks (metres); gives world landmarks in which every bone of the landmark tree (hips
// -> knees -> ankles -> feet, hips -> shoulders -> elbows -> wrists -> hands, shoulders -> nose ->
// face) keeps its world length and the sign of its depth change, but points where the image
// shows it: its orthographic projection is the image bone scaled by the frame's metres per pixel
// (bones longer in the image than in the world lie in the image plane). The pose model's world
// landmarks are a separate, coarser regression whose limbs miss the image by a few degrees;
// posing the avatar with these puts its limbs on the person's. Landmarks the model marks as
// unseen (visibility < 0.5) keep their world bone. The hip midpoint stays at the origin.
#pragma once

#include "avatar/types.hpp"

namespace am::avatar {

PoseLandmarks align_world_to_image(const PoseLandmarks& image, const PoseLandmarks& world);

}  // namespace am::avatar

// Metric scale and placement of the image in the model frame. Takes the 2D and world
// landmarks and the person's binary mask; gives the ImageToModel map whose scale is the
// ratio of world to pixel lengths of the visible limb and torso segments, with the hip
// midpoint at x = 0 and the lowest silhouette pixel on y = 0. Throws am::Error when no
// segment is usable.
#pragma once

#include "avatar/types.hpp"

namespace am::avatar {

// Metres per pixel from the visible (visibility >= 0.5) skeleton segments.
float estimate_metres_per_pixel(const PoseLandmarks& landmarks, const PoseLandmarks& world);

ImageToModel estimate_image_to_model(const PoseLandmarks& landmarks, const PoseLandmarks& world,
                                     const cv::Mat& binary_mask);

}  // namespace am::avatar

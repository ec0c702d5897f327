// The back of the head and neck. Takes the front image (8-bit BGR), the part labels
// (back_texture.hpp), the head and neck part indices, the head colours (head_colours.hpp), the
// collar colour (the clothing at the top of the torso) and the face outline; paints into
// `back` (8-bit BGR, same size):
// - the head and everything labelled neck above the chin (the face outline's lowest point):
//   hair (skin for a bald person), so no face feature reaches the back;
// - a neck row below the chin where at least kLongHairFraction of the front is hair coloured:
//   hair (long hair falls down the back as far as it is seen beside the neck);
// - other neck rows: skin where at least kBareNeckFraction of the front is skin coloured
//   (within kSkinDistance ΔE), else the collar colour (a shirt's tie or buttons never show).
#pragma once

#include <vector>

#include "avatar/head_colours.hpp"

namespace am::avatar {

inline constexpr double kLongHairFraction = 0.25;
inline constexpr double kBareNeckFraction = 0.5;
inline constexpr double kSkinDistance = 20.0;

void paint_head_and_neck(cv::Mat& back, const cv::Mat& front_bgr, const cv::Mat& labels, int head,
                         int neck, const HeadColours& colours, const cv::Scalar& collar_colour,
                         const std::vector<cv::Point2f>& face_outline);

}  // namespace am::avatar

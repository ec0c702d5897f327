// Where each body part of body_appearance.hpp lies in an image: a label map painted from the pose
// landmarks (head and hair: a disc around landmarks 0-10 raised toward the hair; upper body: the
// shoulder-hip quadrilateral and the arms; lower body: the legs from below the hip line to ankles;
// shoes: discs around ankles, heels and toes). Limb widths scale with the torso length. A part
// whose landmarks are not visible is not painted. Pure function.
#pragma once

#include <opencv2/core/mat.hpp>

#include "tracking/types.hpp"

namespace am::tracking {

inline constexpr unsigned char kNoPart = 255;

// size: the label map's size; landmarks already in its pixel coordinates. Gives CV_8U with a
// BodyPart index per pixel or kNoPart.
cv::Mat1b paint_body_parts(cv::Size size, const PoseLandmarks& landmarks, float min_visibility);

}  // namespace am::tracking

// The colours of a person's head seen from the front, for the synthesized back. Takes the
// front photo (8-bit BGR), the binary person mask and the face outline (a closed polygon in the
// same pixels: the face mesh's face oval, or estimate_face_outline() from the pose landmarks);
// gives the face skin colour (median inside the face, so eyes, brows and mouth do not count),
// and whether the person has hair, with its colour: the crown (from the top of the head halfway
// down to the face, between the face's sides, inside the trusted mask) differs from the skin
// colour by more than kHairSkinDistance (CIE76 ΔE); the hair colour is the crown's median. A
// bald person's "hair" is the skin colour, so the back of the head stays skin.
#pragma once

#include <vector>

#include "avatar/types.hpp"

namespace am::avatar {

inline constexpr double kHairSkinDistance = 15.0;

struct HeadColours {
  cv::Scalar skin;  // BGR
  cv::Scalar hair;  // BGR; equal to skin when has_hair is false
  bool has_hair = false;
  double hair_skin_distance = 0;  // ΔE between the crown and the skin
};

// An ellipse around the face from the eye, ear and mouth landmarks (image pixels): from about
// one eye-to-mouth distance above the eyes (the hairline) to 0.9 of it below the mouth (the
// chin), as wide as the ears are apart. 36 points, like the face mesh's oval.
std::vector<cv::Point2f> estimate_face_outline(const PoseLandmarks& landmarks);

// Whether the outline has at least 3 points and a person pixel inside it.
bool face_visible(const cv::Mat& mask, const std::vector<cv::Point2f>& face_outline);

// Throws am::Error when the face outline has fewer than 3 points or no person pixel lies inside.
HeadColours measure_head_colours(const cv::Mat& front_bgr, const cv::Mat& mask,
                                 const std::vector<cv::Point2f>& face_outline);

// CIE76 colour difference of two BGR colours (0..255 channels).
double colour_distance(const cv::Scalar& bgr_a, const cv::Scalar& bgr_b);

// Per-channel median of the pixels where region is non-zero; black when there is none.
cv::Scalar median_colour(const cv::Mat& bgr, const cv::Mat& region);

}  // namespace am::avatar

// The synthesized back of a person seen from the front (the right half of the texture atlas).
// Takes the front image (8-bit BGR, person pixels trusted), the binary person mask, the body
// parts (body_parts.hpp) and the face outline, all in the same pixels; gives an image of the
// same size whose person pixels show a plausible back:
// - head and neck (head_back.hpp): hair (or skin for a bald person), never the face; the
//   neck skin, a collar or long hair as seen beside it; when the face outline holds no person
//   pixel (a head cut off by the photo), they are painted like clothing instead;
// - hands: their own colour, smoothed like clothing;
// - torso, arms, legs, feet: per part, the median colour of each slice across the part's axis,
//   smoothed along the axis: the clothing's colours without prints, buttons or faces;
// - within kRimBandFraction of the crop height from the silhouette it blends into the front,
//   so front and back meet without a seam. Pixels outside the mask are left as in the front.
#pragma once

#include <vector>

#include "avatar/body_parts.hpp"
#include "avatar/head_colours.hpp"

namespace am::avatar {

inline constexpr float kRimBandFraction = 0.01f;

// 8-bit image of the index of the nearest part for every mask pixel (distance to its capsule;
// the torso's ends and the thighs' hip ends are flat, so the torso stops at the shoulders and
// the hips); kNoPart outside the mask.
inline constexpr uint8_t kNoPart = 255;
cv::Mat label_body_parts(const std::vector<BodyPart>& parts, const cv::Mat& mask);

// Per-part, per-slice median colour of the front (slices across the part's axis, 1 % of the
// image height apart), smoothed along the axis; only pixels where trusted is set are measured.
cv::Mat slice_median_colours(const cv::Mat& front_bgr, const cv::Mat& trusted,
                             const cv::Mat& labels, const std::vector<BodyPart>& parts);

cv::Mat synthesize_back(const cv::Mat& front_bgr, const cv::Mat& mask,
                        const std::vector<BodyPart>& parts,
                        const std::vector<cv::Point2f>& face_outline);

}  // namespace am::avatar

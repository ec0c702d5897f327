// Blending a warped face into the target. face_blend_mask() fills a polygon (the face outline)
// and cuts holes (e.g. the target's mouth or eyes to keep); feathered_alpha() turns a mask into a
// soft alpha that rises from 0 at the mask's edge to 1 at `feather` pixels inside (distance
// transform); kept_alpha() is the opposite for regions of the target that must show through (the
// mouth, the eyes): 1 inside them, falling to 0 at `feather` pixels outside; blend_feathered()
// mixes patch over target with an alpha; blend_seamless() is Poisson blending (cv::seamlessClone).
// All images region-sized 8-bit BGR, masks CV_8U. Pure.
#pragma once

#include <span>
#include <vector>

#include <opencv2/core/mat.hpp>

namespace am {

cv::Mat face_blend_mask(cv::Size size, std::span<const cv::Point2f> outline,
                        const std::vector<std::vector<cv::Point2f>>& holes);

// CV_32F in [0, 1]; 0 outside the mask.
cv::Mat feathered_alpha(const cv::Mat& mask, float feather);

// CV_32F in [0, 1]: 1 on the kept mask, 1 - distance / feather outside it, 0 beyond.
cv::Mat kept_alpha(const cv::Mat& kept, float feather);

// target = alpha * patch + (1 - alpha) * target, in place.
void blend_feathered(cv::Mat& target, const cv::Mat& patch, const cv::Mat& alpha);

// Poisson blending of patch into target inside mask, in place. The mask's outermost pixel ring
// is ignored (cv::seamlessClone needs a border); an empty mask leaves the target unchanged.
void blend_seamless(cv::Mat& target, const cv::Mat& patch, const cv::Mat& mask);

}  // namespace am

// Fine-detail matching: a source photo that is smoother than the target (retouched, softer focus,
// lower resolution) would paste as a flat patch framed by the target's skin texture, which shows as
// a seam. match_detail sharpens an 8-bit BGR patch with an unsharp mask whose gain makes the
// patch's fine detail (luma minus its Gaussian blur, sigma kDetailSigma px) as strong inside the
// mask as the reference's detail there. The gain only ever sharpens: it is clamped to [1, 3], so a
// patch that is already as detailed as the reference is left unchanged and a flat region cannot
// blow up noise. Pixels outside the mask change by the same rule. Pure; an empty mask or a patch
// without any detail leaves it unchanged.
#pragma once

#include <opencv2/core/mat.hpp>

namespace am {

inline constexpr double kDetailSigma = 1.5;

// The gain match_detail applies: reference detail / patch detail inside the mask, in [1, 3].
double detail_gain(const cv::Mat& patch_bgr, const cv::Mat& reference_bgr, const cv::Mat& mask);

void match_detail(cv::Mat& patch_bgr, const cv::Mat& reference_bgr, const cv::Mat& mask);

}  // namespace am

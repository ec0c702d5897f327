// Colour transfer in CIE Lab (Reinhard et al.): shifts and scales each Lab channel of an 8-bit
// BGR patch so that its mean and standard deviation inside a mask match those of a reference
// image of the same size inside the same mask. The scale is clamped to [1/3, 3] so a flat
// (e.g. grey) region cannot blow up noise. Pixels outside the mask change by the same rule.
// Pure; an empty mask leaves the patch unchanged.
#pragma once

#include <opencv2/core/mat.hpp>

namespace am {

void transfer_color_lab(cv::Mat& patch_bgr, const cv::Mat& reference_bgr, const cv::Mat& mask);

}  // namespace am

// Colour and light matching of a warped face to the target, both 8-bit BGR images of the same
// size, statistics taken inside a mask (CV_8U, same size). Pure; an empty mask leaves the patch
// unchanged.
//
// transfer_color_lab (Reinhard et al.): shifts and scales each Lab channel of the patch so that
// its mean and standard deviation inside the mask match the reference's there. The scale is
// clamped to [1/3, 3] so a flat (e.g. grey) region cannot blow up noise. Pixels outside the mask
// change by the same rule.
//
// match_shading: the light falling on the face. Multiplies the patch by the ratio of the
// reference's low-frequency luma to the patch's (Gaussian of `sigma` pixels, normalised over the
// mask so that pixels outside it do not count), clamped to [1/2, 2]: a face lit from the left
// pasted onto one lit from the right takes the target's shading, its own fine detail (features,
// skin texture: everything finer than sigma) stays. Pixels outside the mask get the ratio of the
// nearest masked pixels (1 far from the mask).
#pragma once

#include <opencv2/core/mat.hpp>

namespace am {

void transfer_color_lab(cv::Mat& patch_bgr, const cv::Mat& reference_bgr, const cv::Mat& mask);

void match_shading(cv::Mat& patch_bgr, const cv::Mat& reference_bgr, const cv::Mat& mask,
                   double sigma);

}  // namespace am

// How sharp a region of an image is: the variance of the Laplacian of its grey levels, after
// scaling the region to a fixed height so people near and far are measured alike. Takes an 8-bit
// BGR or grey image and a region (clipped to the image); gives the variance (0 for an empty
// region). Higher is sharper; a Gaussian blur lowers it.
#pragma once

#include <opencv2/core/mat.hpp>

namespace am::tracking {

inline constexpr int kSharpnessHeight = 256;

double laplacian_variance(const cv::Mat& image, const cv::Rect2f& region,
                          int height = kSharpnessHeight);

}  // namespace am::tracking

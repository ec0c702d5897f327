// Edge-preserving smoothing of a float map against a guide image: the guided filter of He, Sun
// and Tang (ECCV 2010, TPAMI 2013), the colour variant when the guide has 3 channels, built from
// OpenCV box filters. Takes an 8-bit guide (1 or 3 channels) and a CV_32FC1 input of the same
// size; gives a CV_32FC1 output of that size, locally a linear function of the guide, so the
// input's edges snap to the guide's edges. With subsample > 1 it is the "fast guided filter"
// (He and Sun 2015): coefficients computed at 1/subsample resolution, applied at full resolution.
#pragma once

#include <opencv2/core/mat.hpp>

namespace am {

struct GuidedFilterParams {
  int radius = 8;     // box window half-size in full-resolution pixels
  double eps = 1e-3;  // regularization, in (guide intensity in [0,1])^2
  int subsample = 1;  // >= 1
};

cv::Mat guided_filter(const cv::Mat& guide, const cv::Mat& input, const GuidedFilterParams& params);

}  // namespace am

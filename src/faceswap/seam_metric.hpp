// How visible the edge of a pasted face is. Takes an 8-bit BGR image and the face mask used for
// blending (CV_8U, same size); gives the mean gradient magnitude (Sobel on gray) in a band of
// `band` pixels on each side of the mask's border and the mean inside the face (the mask eroded
// by 2 * band), and their ratio. A hard paste scores far above 1; an invisible seam near or below
// 1 (faces have strong edges inside: eyes, brows, mouth). Pure.
#pragma once

#include <opencv2/core/mat.hpp>

namespace am {

struct SeamMeasure {
  double border_gradient = 0;
  double inside_gradient = 0;
  double ratio = 0;  // border / inside; 0 when the inside is empty
};

SeamMeasure measure_seam(const cv::Mat& bgr, const cv::Mat& mask, int band = 3);

}  // namespace am

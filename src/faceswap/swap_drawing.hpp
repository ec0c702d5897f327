// The picture for swap-face --draw: the target frame before and after the swap side by side. On
// the "before" half each swapped face gets the outline of its blend mask (yellow), of the kept
// mouth and eyes (green) and its face id and source index ("face 0 <- 1"). With crop_to_faces both
// halves are cut to the swapped faces (their regions, padded by a quarter; the whole frame when no
// face was swapped) and the picture scaled down to at most kMaxCroppedDrawWidth pixels across,
// which keeps documentation images small. Pure.
#pragma once

#include <opencv2/core/mat.hpp>

#include "faceswap/face_swapper.hpp"

namespace am {

inline constexpr int kMaxCroppedDrawWidth = 1024;

cv::Mat draw_swap(const cv::Mat& before, const cv::Mat& after, const SwapStats& stats,
                  bool crop_to_faces);

}  // namespace am

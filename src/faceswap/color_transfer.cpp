#include "faceswap/color_transfer.hpp"

#include <algorithm>
#include <vector>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

namespace am {

namespace {

constexpr double kMinScale = 1.0 / 3.0;
constexpr double kMaxScale = 3.0;

}  // namespace

void transfer_color_lab(cv::Mat& patch_bgr, const cv::Mat& reference_bgr, const cv::Mat& mask) {
  if (cv::countNonZero(mask) == 0) return;
  cv::Mat patch_lab, reference_lab;
  cv::cvtColor(patch_bgr, patch_lab, cv::COLOR_BGR2Lab);
  cv::cvtColor(reference_bgr, reference_lab, cv::COLOR_BGR2Lab);
  cv::Scalar patch_mean, patch_std, ref_mean, ref_std;
  cv::meanStdDev(patch_lab, patch_mean, patch_std, mask);
  cv::meanStdDev(reference_lab, ref_mean, ref_std, mask);
  std::vector<cv::Mat> channels;
  cv::split(patch_lab, channels);
  for (int c = 0; c < 3; ++c) {
    const double scale =
        patch_std[c] > 1e-3 ? std::clamp(ref_std[c] / patch_std[c], kMinScale, kMaxScale) : 1.0;
    channels[c].convertTo(channels[c], CV_8U, scale, ref_mean[c] - scale * patch_mean[c]);
  }
  cv::merge(channels, patch_lab);
  cv::cvtColor(patch_lab, patch_bgr, cv::COLOR_Lab2BGR);
}

}  // namespace am

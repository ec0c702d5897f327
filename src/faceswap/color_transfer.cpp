#include "faceswap/color_transfer.hpp"

#include <algorithm>
#include <vector>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

namespace am {

namespace {

constexpr double kMinScale = 1.0 / 3.0;
constexpr double kMaxScale = 3.0;
constexpr double kMaxShading = 2.0;
constexpr double kWorkSigma = 4.0;  // the low-pass runs on an image shrunk so that sigma is this

cv::Mat luma(const cv::Mat& bgr) {
  cv::Mat gray;
  cv::cvtColor(bgr, gray, cv::COLOR_BGR2GRAY);
  gray.convertTo(gray, CV_32F);
  return gray;
}

// Gaussian low-pass of `image` over the weights (normalised convolution); 0 where no weight
// reaches.
cv::Mat masked_low_pass(const cv::Mat& image, const cv::Mat& weight, double sigma) {
  cv::Mat num, den;
  cv::GaussianBlur(image.mul(weight), num, {0, 0}, sigma);
  cv::GaussianBlur(weight, den, {0, 0}, sigma);
  return num / cv::max(den, 1e-3);
}

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

void match_shading(cv::Mat& patch_bgr, const cv::Mat& reference_bgr, const cv::Mat& mask,
                   double sigma) {
  if (cv::countNonZero(mask) == 0) return;
  const double shrink = std::min(1.0, kWorkSigma / std::max(sigma, 1e-3));
  const cv::Size small(std::max(1, cvRound(patch_bgr.cols * shrink)),
                       std::max(1, cvRound(patch_bgr.rows * shrink)));
  cv::Mat patch, reference, weight;
  cv::resize(luma(patch_bgr), patch, small, 0, 0, cv::INTER_AREA);
  cv::resize(luma(reference_bgr), reference, small, 0, 0, cv::INTER_AREA);
  cv::resize(mask, weight, small, 0, 0, cv::INTER_AREA);
  weight.convertTo(weight, CV_32F, 1.0 / 255);
  const double small_sigma = sigma * shrink;
  cv::Mat ratio = (masked_low_pass(reference, weight, small_sigma) + 1.0) /
                  (masked_low_pass(patch, weight, small_sigma) + 1.0);
  cv::min(cv::max(ratio, 1.0 / kMaxShading), kMaxShading, ratio);
  cv::resize(ratio, ratio, patch_bgr.size(), 0, 0, cv::INTER_LINEAR);
  cv::Mat gain;
  cv::merge(std::vector<cv::Mat>(3, ratio), gain);
  cv::Mat scaled;
  patch_bgr.convertTo(scaled, CV_32FC3);
  scaled = scaled.mul(gain);
  scaled.convertTo(patch_bgr, CV_8UC3);
}

}  // namespace am

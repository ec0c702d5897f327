#include "faceswap/detail_transfer.hpp"

#include <algorithm>

#include <opencv2/imgproc.hpp>

namespace am {

namespace {

constexpr double kMaxGain = 3.0;

cv::Mat blurred(const cv::Mat& image) {
  cv::Mat out;
  cv::GaussianBlur(image, out, {0, 0}, kDetailSigma);
  return out;
}

// Root-mean-square of the luma's fine detail inside the mask.
double detail_strength(const cv::Mat& bgr, const cv::Mat& mask) {
  cv::Mat gray;
  cv::cvtColor(bgr, gray, cv::COLOR_BGR2GRAY);
  gray.convertTo(gray, CV_32F);
  const cv::Mat detail = gray - blurred(gray);
  cv::Scalar mean, deviation;
  cv::meanStdDev(detail, mean, deviation, mask);
  return std::sqrt(mean[0] * mean[0] + deviation[0] * deviation[0]);
}

}  // namespace

double detail_gain(const cv::Mat& patch_bgr, const cv::Mat& reference_bgr, const cv::Mat& mask) {
  if (cv::countNonZero(mask) == 0) return 1.0;
  const double patch = detail_strength(patch_bgr, mask);
  if (patch < 1e-3) return 1.0;
  return std::clamp(detail_strength(reference_bgr, mask) / patch, 1.0, kMaxGain);
}

void match_detail(cv::Mat& patch_bgr, const cv::Mat& reference_bgr, const cv::Mat& mask) {
  const double gain = detail_gain(patch_bgr, reference_bgr, mask);
  if (gain <= 1.0) return;
  cv::Mat patch;
  patch_bgr.convertTo(patch, CV_32FC3);
  const cv::Mat smooth = blurred(patch);
  const cv::Mat sharpened = smooth + gain * (patch - smooth);
  sharpened.convertTo(patch_bgr, CV_8UC3);
}

}  // namespace am

#include "perception/segmentation/mask_refine.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include <opencv2/imgproc.hpp>

#include "core/error.hpp"

namespace am {

namespace {

cv::Mat ellipse_kernel(int radius) {
  return cv::getStructuringElement(cv::MORPH_ELLIPSE, {2 * radius + 1, 2 * radius + 1});
}

}  // namespace

cv::Rect square_around(const cv::Rect& box, double margin) {
  const int side =
      static_cast<int>(std::lround(std::max(box.width, box.height) * (1 + 2 * margin)));
  const int cx2 = 2 * box.x + box.width, cy2 = 2 * box.y + box.height;
  return {(cx2 - side) / 2, (cy2 - side) / 2, side, side};
}

void paste_resized(const cv::Mat& patch, const cv::Rect& region, cv::Mat& target) {
  cv::Mat scaled;
  cv::resize(patch, scaled, region.size(), 0, 0, cv::INTER_LINEAR);
  const cv::Rect inside = region & cv::Rect({0, 0}, target.size());
  if (!inside.empty()) scaled(inside - region.tl()).copyTo(target(inside));
}

cv::Mat largest_blob(const cv::Mat& prob, float threshold) {
  const cv::Mat binary = prob > threshold;
  cv::Mat labels, stats, centroids;
  const int n = cv::connectedComponentsWithStats(binary, labels, stats, centroids, 8, CV_32S);
  int best = 0, best_area = 0;
  for (int i = 1; i < n; ++i) {
    const int area = stats.at<int>(i, cv::CC_STAT_AREA);
    if (area > best_area) best = i, best_area = area;
  }
  if (best == 0) return cv::Mat::zeros(prob.size(), CV_8UC1);
  return labels == best;
}

cv::Rect largest_blob_box(const cv::Mat& prob, float threshold) {
  return cv::boundingRect(largest_blob(prob, threshold));
}

cv::Mat keep_largest_blob(const cv::Mat& prob, float threshold, int reach) {
  cv::Mat region;
  cv::dilate(largest_blob(prob, threshold), region, ellipse_kernel(std::max(1, reach)));
  cv::Mat out = cv::Mat::zeros(prob.size(), CV_32FC1);
  prob.copyTo(out, region);
  return out;
}

cv::Mat grabcut_refine(const cv::Mat& bgr, const cv::Mat& prob, int band, int work_side,
                       int iterations) {
  const double scale = std::min(1.0, work_side / static_cast<double>(std::max(bgr.cols, bgr.rows)));
  cv::Mat image, p;
  cv::resize(bgr, image, {}, scale, scale, cv::INTER_AREA);
  cv::resize(prob, p, image.size(), 0, 0, cv::INTER_AREA);
  const cv::Mat blob = largest_blob(p, 0.5f);
  if (cv::countNonZero(blob) == 0) return cv::Mat::zeros(prob.size(), CV_32FC1);
  const int b = std::max(1, static_cast<int>(std::lround(band * scale)));
  cv::Mat sure_fg, maybe_bg;
  cv::erode(blob, sure_fg, ellipse_kernel(b));
  cv::dilate(blob, maybe_bg, ellipse_kernel(b));
  cv::Mat labels(image.size(), CV_8UC1, cv::Scalar(cv::GC_BGD));
  labels.setTo(cv::GC_PR_BGD, maybe_bg);
  labels.setTo(cv::GC_PR_FGD, blob);
  labels.setTo(cv::GC_FGD, sure_fg);
  cv::Mat bg_model, fg_model;
  cv::grabCut(image, labels, {}, bg_model, fg_model, iterations, cv::GC_INIT_WITH_MASK);
  cv::Mat fg = (labels == cv::GC_FGD) | (labels == cv::GC_PR_FGD), out;
  fg.convertTo(fg, CV_32F, 1.0 / 255.0);
  cv::resize(fg, out, prob.size(), 0, 0, cv::INTER_LINEAR);
  return out;
}

float mask_iou(const cv::Mat& a, const cv::Mat& b, int threshold) {
  if (a.type() != CV_8UC1 || b.type() != CV_8UC1 || a.size() != b.size()) {
    throw Error("mask_iou: expected two 8-bit single-channel masks of the same size");
  }
  const cv::Mat in_a = a >= threshold, in_b = b >= threshold;
  const int inter = cv::countNonZero(in_a & in_b), uni = cv::countNonZero(in_a | in_b);
  return uni == 0 ? 1.0f : static_cast<float>(inter) / static_cast<float>(uni);
}

cv::Mat probability_to_mask(const cv::Mat& prob) {
  cv::Mat mask;
  prob.convertTo(mask, CV_8U, 255.0);  // saturating: clamps to 0..255
  return mask;
}

cv::Mat make_cutout(const cv::Mat& bgr, const cv::Mat& mask) {
  cv::Mat bgra = cv::Mat::zeros(bgr.size(), CV_8UC4);
  cv::Mat colour;
  cv::cvtColor(bgr, colour, cv::COLOR_BGR2BGRA);
  colour.copyTo(bgra, mask);
  cv::mixChannels(&mask, 1, &bgra, 1, std::array<int, 2>{0, 3}.data(), 1);
  return bgra;
}

}  // namespace am

#include "avatar/back_texture.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include <opencv2/imgproc.hpp>

#include "avatar/head_back.hpp"

namespace am::avatar {
namespace {

constexpr float kSliceFraction = 0.01f;      // slice thickness, of the image height
constexpr float kSmoothSlices = 3.0f;        // Gaussian sigma along the axis, in slices
constexpr double kSeamBlurFraction = 0.004;  // softens the steps between parts, of the height
constexpr int kTrustedInsetPx = 2;           // soft mask edges mix in the background

using Samples = std::array<std::vector<uint8_t>, 3>;

float axis_parameter(const BodyPart& p, const Eigen::Vector2f& px) {
  const Eigen::Vector2f ab = p.b - p.a;
  const float len2 = ab.squaredNorm();
  return len2 > 1e-6f ? std::clamp((px - p.a).dot(ab) / len2, 0.0f, 1.0f) : 0.0f;
}

// Distance to the part: a capsule around its axis, except that the torso's ends and the
// thighs' hip ends are flat (a pixel beyond the shoulder or hip line is as far as it lies past
// it): the torso stops at the shoulders (not in the neck and chin) and the hips, the thighs
// start at the hips (not in the shirt).
float part_distance(const BodyPart& p, const Eigen::Vector2f& px) {
  const Eigen::Vector2f ab = p.b - p.a;
  const float across = (px - (p.a + axis_parameter(p, px) * ab)).norm() - p.radius_px;
  const bool flat_a = p.kind == PartKind::kTorso || p.kind == PartKind::kThigh;
  const bool flat_b = p.kind == PartKind::kTorso;
  const float length = std::max(ab.norm(), 1e-3f);
  const float along = (px - p.a).dot(ab) / length;
  float distance = across;
  if (flat_a) distance = std::max(distance, -along);
  if (flat_b) distance = std::max(distance, along - length);
  return distance;
}

cv::Vec3f median_of(Samples& s) {
  cv::Vec3f out;
  for (int c = 0; c < 3; ++c) {
    auto mid = s[c].begin() + static_cast<long>(s[c].size() / 2);
    std::nth_element(s[c].begin(), mid, s[c].end());
    out[c] = *mid;
  }
  return out;
}

// Empty slices take the nearest measured one; then a Gaussian along the axis.
std::vector<cv::Vec3f> smoothed_profile(std::vector<Samples>& slices, const cv::Vec3f& fallback) {
  const int n = static_cast<int>(slices.size());
  std::vector<cv::Vec3f> raw(n, fallback);
  std::vector<int> measured;
  for (int i = 0; i < n; ++i)
    if (!slices[i][0].empty()) raw[i] = median_of(slices[i]), measured.push_back(i);
  for (int i = 0; i < n && !measured.empty(); ++i) {
    const auto nearest = std::min_element(measured.begin(), measured.end(), [&](int a, int b) {
      return std::abs(a - i) < std::abs(b - i);
    });
    if (slices[i][0].empty()) raw[i] = raw[*nearest];
  }
  std::vector<cv::Vec3f> out(n);
  for (int i = 0; i < n; ++i) {
    cv::Vec3f sum(0, 0, 0);
    float total = 0;
    for (int j = 0; j < n; ++j) {
      const float w = std::exp(-0.5f * std::pow((i - j) / kSmoothSlices, 2.0f));
      sum += w * raw[j], total += w;
    }
    out[i] = sum / total;
  }
  return out;
}

cv::Vec3f interpolate(const std::vector<cv::Vec3f>& profile, float t) {
  const float x = std::clamp(t * static_cast<float>(profile.size()) - 0.5f, 0.0f,
                             static_cast<float>(profile.size() - 1));
  const int i = std::min(static_cast<int>(x), static_cast<int>(profile.size()) - 1);
  const int j = std::min(i + 1, static_cast<int>(profile.size()) - 1);
  return (1 - (x - i)) * profile[i] + (x - i) * profile[j];
}

int part_index(const std::vector<BodyPart>& parts, PartKind kind) {
  for (size_t i = 0; i < parts.size(); ++i)
    if (parts[i].kind == kind) return static_cast<int>(i);
  return -1;
}

// Median colour of the top tenth of a region (the clothing at the top of the torso).
cv::Scalar top_colour(const cv::Mat& bgr, const cv::Mat& region) {
  const cv::Rect box = cv::boundingRect(region);
  cv::Mat top = cv::Mat::zeros(region.size(), CV_8UC1);
  top(cv::Rect(box.x, box.y, box.width, std::max(1, box.height / 10))).setTo(255);
  return median_colour(bgr, region & top);
}

// Gaussian blur that only mixes person pixels (normalized convolution over the mask).
cv::Mat blur_inside(const cv::Mat& bgr, const cv::Mat& mask, double sigma) {
  cv::Mat colour, weight;
  bgr.convertTo(colour, CV_32FC3);
  mask.convertTo(weight, CV_32F, 1.0 / 255.0);
  cv::Mat weight3;
  cv::cvtColor(weight, weight3, cv::COLOR_GRAY2BGR);
  cv::GaussianBlur(colour.mul(weight3), colour, cv::Size(), sigma);
  cv::GaussianBlur(weight3, weight3, cv::Size(), sigma);
  cv::Mat out;
  cv::divide(colour, cv::max(weight3, 1e-6), out);
  return out;
}

// The front outside the mask and within 1 px of the silhouette, the back deeper than
// 1 + band_px inside, blended linearly between.
cv::Mat blend_into_front(const cv::Mat& front_bgr, const cv::Mat& back_f32, const cv::Mat& mask,
                         float band_px) {
  cv::Mat distance;
  cv::distanceTransform(mask, distance, cv::DIST_L2, cv::DIST_MASK_PRECISE);
  cv::Mat out = front_bgr.clone();
  for (int y = 0; y < mask.rows; ++y)
    for (int x = 0; x < mask.cols; ++x) {
      if (!mask.at<uint8_t>(y, x)) continue;
      const float w = std::clamp((distance.at<float>(y, x) - 1.0f) / band_px, 0.0f, 1.0f);
      const cv::Vec3f f = front_bgr.at<cv::Vec3b>(y, x);
      out.at<cv::Vec3b>(y, x) = (1 - w) * f + w * back_f32.at<cv::Vec3f>(y, x);
    }
  return out;
}

}  // namespace

cv::Mat label_body_parts(const std::vector<BodyPart>& parts, const cv::Mat& mask) {
  cv::Mat labels(mask.size(), CV_8UC1, cv::Scalar(kNoPart));
  for (int y = 0; y < mask.rows; ++y)
    for (int x = 0; x < mask.cols; ++x) {
      if (!mask.at<uint8_t>(y, x)) continue;
      const Eigen::Vector2f px(static_cast<float>(x), static_cast<float>(y));
      float best = std::numeric_limits<float>::max();
      for (size_t i = 0; i < parts.size(); ++i)
        if (const float d = part_distance(parts[i], px); d < best)
          best = d, labels.at<uint8_t>(y, x) = static_cast<uint8_t>(i);
    }
  return labels;
}

cv::Mat slice_median_colours(const cv::Mat& front_bgr, const cv::Mat& trusted,
                             const cv::Mat& labels, const std::vector<BodyPart>& parts) {
  const float slice_px = std::max(2.0f, kSliceFraction * static_cast<float>(labels.rows));
  std::vector<std::vector<Samples>> slices(parts.size());
  for (size_t i = 0; i < parts.size(); ++i) {
    const float length = (parts[i].b - parts[i].a).norm();
    slices[i].resize(std::clamp(static_cast<int>(std::lround(length / slice_px)), 1, 256));
  }
  Samples everyone;
  for (int y = 0; y < labels.rows; ++y)
    for (int x = 0; x < labels.cols; ++x) {
      const uint8_t l = labels.at<uint8_t>(y, x);
      if (l == kNoPart || !trusted.at<uint8_t>(y, x)) continue;
      const float t = axis_parameter(parts[l], {static_cast<float>(x), static_cast<float>(y)});
      auto& slice = slices[l][std::min(static_cast<int>(t * slices[l].size()),
                                       static_cast<int>(slices[l].size()) - 1)];
      for (int c = 0; c < 3; ++c) {
        slice[c].push_back(front_bgr.at<cv::Vec3b>(y, x)[c]);
        everyone[c].push_back(front_bgr.at<cv::Vec3b>(y, x)[c]);
      }
    }
  const cv::Vec3f fallback = everyone[0].empty() ? cv::Vec3f(128, 128, 128) : median_of(everyone);
  std::vector<std::vector<cv::Vec3f>> profiles;
  profiles.reserve(slices.size());
  for (auto& s : slices) profiles.push_back(smoothed_profile(s, fallback));
  cv::Mat out(labels.size(), CV_32FC3, cv::Scalar::all(0));
  for (int y = 0; y < labels.rows; ++y)
    for (int x = 0; x < labels.cols; ++x)
      if (const uint8_t l = labels.at<uint8_t>(y, x); l != kNoPart)
        out.at<cv::Vec3f>(y, x) = interpolate(
            profiles[l], axis_parameter(parts[l], {static_cast<float>(x), static_cast<float>(y)}));
  return out;
}

cv::Mat synthesize_back(const cv::Mat& front_bgr, const cv::Mat& mask,
                        const std::vector<BodyPart>& parts,
                        const std::vector<cv::Point2f>& face_outline) {
  const cv::Mat labels = label_body_parts(parts, mask);
  cv::Mat trusted;
  cv::erode(mask, trusted,
            cv::getStructuringElement(cv::MORPH_ELLIPSE,
                                      cv::Size(2 * kTrustedInsetPx + 1, 2 * kTrustedInsetPx + 1)));
  if (cv::countNonZero(trusted) == 0) trusted = mask;
  cv::Mat back;
  slice_median_colours(front_bgr, trusted, labels, parts).convertTo(back, CV_8UC3);
  const int head = part_index(parts, PartKind::kHead), neck = part_index(parts, PartKind::kNeck);
  const int torso = part_index(parts, PartKind::kTorso);
  if (head >= 0 && neck >= 0 && torso >= 0 && face_visible(mask, face_outline))
    paint_head_and_neck(back, front_bgr, labels, head, neck,
                        measure_head_colours(front_bgr, mask, face_outline),
                        top_colour(back, labels == torso), face_outline);
  const double rows = static_cast<double>(mask.rows);
  const cv::Mat smooth = blur_inside(back, mask, std::max(0.5, kSeamBlurFraction * rows));
  return blend_into_front(front_bgr, smooth, mask,
                          std::max(2.0f, kRimBandFraction * static_cast<float>(rows)));
}

}  // namespace am::avatar

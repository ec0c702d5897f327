#include "perception/common/rotated_roi.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include <opencv2/imgproc.hpp>

namespace am {

float normalize_radians(float angle) {
  constexpr float two_pi = 2 * std::numbers::pi_v<float>;
  return angle - two_pi * std::floor((angle + std::numbers::pi_v<float>) / two_pi);
}

RotatedRoi roi_from_alignment_points(cv::Point2f center, cv::Point2f scale_point, float scale) {
  const cv::Point2f d = scale_point - center;
  const float side = 2.0f * std::hypot(d.x, d.y) * scale;
  const float target = std::numbers::pi_v<float> / 2;
  return {center, side, side, normalize_radians(target - std::atan2(-d.y, d.x))};
}

RotatedRoi letterbox_roi(cv::Size image) {
  const float side = static_cast<float>(std::max(image.width, image.height));
  return {{image.width / 2.0f, image.height / 2.0f}, side, side, 0.0f};
}

cv::Point2f roi_to_image(const RotatedRoi& roi, cv::Point2f normalized) {
  const float x = (normalized.x - 0.5f) * roi.width, y = (normalized.y - 0.5f) * roi.height;
  const float c = std::cos(roi.rotation), s = std::sin(roi.rotation);
  return {roi.center.x + c * x - s * y, roi.center.y + s * x + c * y};
}

cv::Point2f image_to_roi(const RotatedRoi& roi, cv::Point2f pixel) {
  const cv::Point2f d = pixel - roi.center;
  const float c = std::cos(roi.rotation), s = std::sin(roi.rotation);
  return {(c * d.x + s * d.y) / roi.width + 0.5f, (-s * d.x + c * d.y) / roi.height + 0.5f};
}

cv::Matx23f crop_to_image_matrix(const RotatedRoi& roi, cv::Size crop) {
  const float c = std::cos(roi.rotation), s = std::sin(roi.rotation);
  const float sx = roi.width / crop.width, sy = roi.height / crop.height;
  const cv::Point2f origin = roi_to_image(roi, {0, 0});
  return {c * sx, -s * sy, origin.x, s * sx, c * sy, origin.y};
}

cv::Rect2f roi_bounds(const RotatedRoi& roi) {
  float x0 = 1e30f, y0 = 1e30f, x1 = -1e30f, y1 = -1e30f;
  for (const cv::Point2f corner :
       {cv::Point2f(0, 0), cv::Point2f(1, 0), cv::Point2f(0, 1), cv::Point2f(1, 1)}) {
    const cv::Point2f p = roi_to_image(roi, corner);
    x0 = std::min(x0, p.x), y0 = std::min(y0, p.y), x1 = std::max(x1, p.x), y1 = std::max(y1, p.y);
  }
  return cv::Rect2f(cv::Point2f(x0, y0), cv::Point2f(x1, y1));
}

}  // namespace am

#include "perception/face/face_mesh_roi.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "perception/face/face_mesh_topology.hpp"

namespace am {

FaceRoi roi_from_box(const cv::Rect2f& box, float scale) {
  const cv::Point2f center(box.x + box.width / 2, box.y + box.height / 2);
  return {center, scale * std::max(box.width, box.height), 0.0f};
}

FaceRoi roi_from_box_top(const cv::Rect2f& box, float scale) {
  const float side = std::max(box.width, std::min(box.height, 1.2f * box.width));
  return {{box.x + box.width / 2, box.y + side / 2}, scale * side, 0.0f};
}

FaceRoi roi_from_points(std::span<const cv::Point2f> mesh, float scale) {
  const cv::Point2f eyes = mesh[kMeshLeftEyeOuter] - mesh[kMeshRightEyeOuter];
  const float angle = std::atan2(eyes.y, eyes.x);
  const float c = std::cos(angle), s = std::sin(angle);
  float lo_u = std::numeric_limits<float>::max(), lo_v = lo_u;
  float hi_u = std::numeric_limits<float>::lowest(), hi_v = hi_u;
  for (const cv::Point2f& p : mesh) {
    const float u = c * p.x + s * p.y, v = -s * p.x + c * p.y;
    lo_u = std::min(lo_u, u), hi_u = std::max(hi_u, u);
    lo_v = std::min(lo_v, v), hi_v = std::max(hi_v, v);
  }
  const float mu = (lo_u + hi_u) / 2, mv = (lo_v + hi_v) / 2;
  const cv::Point2f center(c * mu - s * mv, s * mu + c * mv);
  return {center, scale * std::max(hi_u - lo_u, hi_v - lo_v), angle};
}

cv::Matx23d crop_transform(const FaceRoi& roi, int side) {
  const double k = side / static_cast<double>(roi.size);
  const double c = std::cos(roi.angle) * k, s = std::sin(roi.angle) * k;
  // Rotate by -angle and scale about the ROI centre, then move the centre to the crop's centre.
  const double tx = side / 2.0 - (c * roi.center.x + s * roi.center.y);
  const double ty = side / 2.0 - (-s * roi.center.x + c * roi.center.y);
  return {c, s, tx, -s, c, ty};
}

cv::Rect2f roi_bounds(const FaceRoi& roi) {
  const float half = roi.size / 2 * (std::abs(std::cos(roi.angle)) + std::abs(std::sin(roi.angle)));
  return {roi.center.x - half, roi.center.y - half, 2 * half, 2 * half};
}

}  // namespace am

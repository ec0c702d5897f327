#include "faceswap/lip_triangulation.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "faceswap/triangulation.hpp"
#include "perception/face/face_mesh_topology.hpp"

namespace am {

namespace {

// kMeshInnerLips runs from the right inner corner along the upper lip to the left corner (its
// first 11 points), then back along the lower lip.
constexpr std::size_t kLeftCornerAt = 10;
constexpr int kInnerCornerRight = kMeshInnerLips[0],
              kInnerCornerLeft = kMeshInnerLips[kLeftCornerAt];

std::vector<int> upper_inner_lip() {
  return {kMeshInnerLips.begin(), kMeshInnerLips.begin() + kLeftCornerAt + 1};
}

std::vector<int> lower_inner_lip() {
  std::vector<int> lower(kMeshInnerLips.begin() + kLeftCornerAt, kMeshInnerLips.end());
  lower.push_back(kInnerCornerRight);
  return lower;
}

// Coordinates along the mouth (s, from the right inner corner to the left one) and across it (t,
// towards the chin), in pixels.
struct MouthFrame {
  cv::Point2f origin, along, across;
  float width = 0;

  explicit MouthFrame(std::span<const cv::Point2f> points) : origin(points[kInnerCornerRight]) {
    const cv::Point2f d = points[kInnerCornerLeft] - origin;
    width = std::max(static_cast<float>(std::hypot(d.x, d.y)), 1e-3f);
    along = d * (1.0f / width);
    across = {-along.y, along.x};
  }
  cv::Point2f to_mouth(cv::Point2f p) const {
    return {(p - origin).dot(along), (p - origin).dot(across)};
  }
};

// The contour's t at s (linear between its points, ordered by s; clamped at its ends).
float contour_at(const std::vector<cv::Point2f>& contour, float s) {
  if (s <= contour.front().x) return contour.front().y;
  for (std::size_t i = 1; i < contour.size(); ++i) {
    const cv::Point2f a = contour[i - 1], b = contour[i];
    if (s <= b.x) return b.x - a.x > 1e-6f ? a.y + (b.y - a.y) * (s - a.x) / (b.x - a.x) : b.y;
  }
  return contour.back().y;
}

std::vector<cv::Point2f> contour_in(const MouthFrame& frame, std::span<const cv::Point2f> points,
                                    const std::vector<int>& indices) {
  std::vector<cv::Point2f> contour;
  contour.reserve(indices.size());
  for (const int i : indices) contour.push_back(frame.to_mouth(points[i]));
  std::sort(contour.begin(), contour.end(), [](cv::Point2f a, cv::Point2f b) { return a.x < b.x; });
  return contour;
}

}  // namespace

std::vector<cv::Point2f> mouth_opened(std::span<const cv::Point2f> points, float opening) {
  const MouthFrame frame(points);
  const std::vector<int> upper_lip = upper_inner_lip(), lower_lip = lower_inner_lip();
  const std::vector<cv::Point2f> upper = contour_in(frame, points, upper_lip);
  const std::vector<cv::Point2f> lower = contour_in(frame, points, lower_lip);
  std::vector<bool> on_upper(points.size()), on_lower(points.size());
  for (const int i : upper_lip) on_upper[i] = true;
  for (const int i : lower_lip) on_lower[i] = !on_upper[i];
  std::vector<cv::Point2f> opened(points.begin(), points.end());
  for (std::size_t i = 0; i < points.size(); ++i) {
    if (on_upper[i]) continue;
    const cv::Point2f m = frame.to_mouth(points[i]);
    const float midline = (contour_at(upper, m.x) + contour_at(lower, m.x)) / 2;
    if (!on_lower[i] && m.y <= midline) continue;
    opened[i] += frame.across * (opening * frame.width);
  }
  return opened;
}

std::vector<cv::Vec3i> lip_aware_triangles(std::span<const cv::Point2f> points, float opening) {
  return delaunay_triangles(mouth_opened(points, opening));
}

}  // namespace am

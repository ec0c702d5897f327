#include "faceswap/lip_triangulation.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "faceswap/triangulation.hpp"

namespace am {

namespace {

constexpr int kInnerCornerRight = 78, kInnerCornerLeft = 308;
// Corner to corner along each inner lip (MediaPipe's lipsUpperInner / lipsLowerInner).
constexpr std::array<int, 11> kUpperInner{78, 191, 80, 81, 82, 13, 312, 311, 310, 415, 308};
constexpr std::array<int, 11> kLowerInner{78, 95, 88, 178, 87, 14, 317, 402, 318, 324, 308};

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

template <std::size_t N>
std::vector<cv::Point2f> contour_in(const MouthFrame& frame, std::span<const cv::Point2f> points,
                                    const std::array<int, N>& indices) {
  std::vector<cv::Point2f> contour;
  for (const int i : indices) contour.push_back(frame.to_mouth(points[i]));
  std::sort(contour.begin(), contour.end(), [](cv::Point2f a, cv::Point2f b) { return a.x < b.x; });
  return contour;
}

}  // namespace

std::vector<cv::Point2f> mouth_opened(std::span<const cv::Point2f> points, float opening) {
  const MouthFrame frame(points);
  const std::vector<cv::Point2f> upper = contour_in(frame, points, kUpperInner);
  const std::vector<cv::Point2f> lower = contour_in(frame, points, kLowerInner);
  std::vector<bool> on_upper(points.size()), on_lower(points.size());
  for (const int i : kUpperInner) on_upper[i] = true;
  for (const int i : kLowerInner) on_lower[i] = !on_upper[i];
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

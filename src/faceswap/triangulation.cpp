#include "faceswap/triangulation.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

#include <opencv2/imgproc.hpp>

namespace am {

namespace {

float twice_area(const cv::Point2f& a, const cv::Point2f& b, const cv::Point2f& c) {
  return (b - a).cross(c - a);
}

// Subdiv2D's virtual outer triangle scales with this rectangle; too close, it hides thin
// triangles on the convex hull. A hundred times the points' extent keeps them all.
cv::Rect padded_bounds(std::span<const cv::Point2f> points) {
  const cv::Rect2f b = cv::boundingRect(std::vector<cv::Point2f>(points.begin(), points.end()));
  const float pad = 100 * std::max(b.width, b.height) + 10;
  return {static_cast<int>(std::floor(b.x - pad)), static_cast<int>(std::floor(b.y - pad)),
          static_cast<int>(std::ceil(b.width + 2 * pad)),
          static_cast<int>(std::ceil(b.height + 2 * pad))};
}

}  // namespace

std::vector<cv::Vec3i> delaunay_triangles(std::span<const cv::Point2f> points) {
  if (points.size() < 3) return {};
  cv::Subdiv2D subdiv(padded_bounds(points));
  std::map<std::pair<float, float>, int> index_of;
  for (std::size_t i = 0; i < points.size(); ++i) {
    if (index_of.emplace(std::pair{points[i].x, points[i].y}, static_cast<int>(i)).second)
      subdiv.insert(points[i]);
  }
  std::vector<cv::Vec6f> corners;
  subdiv.getTriangleList(corners);
  std::vector<cv::Vec3i> triangles;
  triangles.reserve(corners.size());
  for (const cv::Vec6f& c : corners) {
    cv::Vec3i t;
    bool known = true;
    for (int k = 0; k < 3; ++k) {
      const auto it = index_of.find({c[2 * k], c[2 * k + 1]});
      known = known && it != index_of.end();
      t[k] = known ? it->second : -1;
    }
    if (!known || std::abs(twice_area(points[t[0]], points[t[1]], points[t[2]])) < 1e-6f) continue;
    triangles.push_back(t);
  }
  return triangles;
}

}  // namespace am

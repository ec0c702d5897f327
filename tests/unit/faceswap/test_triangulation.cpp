// Delaunay triangulation: valid indices, full coverage of the convex hull, no overlap, and the
// empty-circle property.
#include <cmath>
#include <random>
#include <set>
#include <vector>

#include <gtest/gtest.h>
#include <opencv2/imgproc.hpp>

#include "faceswap/triangulation.hpp"

namespace am {
namespace {

std::vector<cv::Point2f> random_points(int n, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<float> u(0, 500);
  std::vector<cv::Point2f> points(n);
  for (auto& p : points) p = {u(rng), u(rng)};
  return points;
}

double triangle_area(const std::vector<cv::Point2f>& p, const cv::Vec3i& t) {
  return std::abs((p[t[1]] - p[t[0]]).cross(p[t[2]] - p[t[0]])) / 2;
}

TEST(Triangulation, TrianglesTileTheConvexHullExactlyOnce) {
  const auto points = random_points(300, 7);
  const auto triangles = delaunay_triangles(points);
  double area = 0;
  std::set<std::array<int, 3>> unique;
  for (const cv::Vec3i& t : triangles) {
    for (int k = 0; k < 3; ++k) ASSERT_TRUE(t[k] >= 0 && t[k] < 300);
    std::array<int, 3> key{t[0], t[1], t[2]};
    std::sort(key.begin(), key.end());
    EXPECT_TRUE(unique.insert(key).second) << "triangle listed twice";
    area += triangle_area(points, t);
  }
  std::vector<cv::Point2f> hull;
  cv::convexHull(points, hull);
  EXPECT_NEAR(area, cv::contourArea(hull), 1e-3 * cv::contourArea(hull));
  // Euler: a triangulation of n points with h on the hull has 2n - h - 2 triangles.
  EXPECT_EQ(triangles.size(), 2 * points.size() - hull.size() - 2);
}

TEST(Triangulation, NoPointLiesInsideATrianglesCircumcircle) {
  const auto points = random_points(80, 11);
  for (const cv::Vec3i& t : delaunay_triangles(points)) {
    const cv::Point2f a = points[t[0]], b = points[t[1]], c = points[t[2]];
    const double d = 2 * (a.x * (b.y - c.y) + b.x * (c.y - a.y) + c.x * (a.y - b.y));
    const double ux =
        ((a.dot(a)) * (b.y - c.y) + (b.dot(b)) * (c.y - a.y) + (c.dot(c)) * (a.y - b.y)) / d;
    const double uy =
        ((a.dot(a)) * (c.x - b.x) + (b.dot(b)) * (a.x - c.x) + (c.dot(c)) * (b.x - a.x)) / d;
    const double r = std::hypot(a.x - ux, a.y - uy);
    for (const cv::Point2f& p : points)
      EXPECT_GE(std::hypot(p.x - ux, p.y - uy), r - 1e-2) << "Delaunay property violated";
  }
}

TEST(Triangulation, DuplicatePointsAndTooFewPoints) {
  EXPECT_TRUE(delaunay_triangles(std::vector<cv::Point2f>{{0, 0}, {1, 1}}).empty());
  const std::vector<cv::Point2f> square{{0, 0}, {10, 0}, {10, 10}, {0, 10}, {10, 10}};
  const auto triangles = delaunay_triangles(square);
  EXPECT_EQ(triangles.size(), 2u);
  for (const cv::Vec3i& t : triangles)
    for (int k = 0; k < 3; ++k) EXPECT_NE(t[k], 4) << "the duplicate must map to its first index";
}

}  // namespace
}  // namespace am

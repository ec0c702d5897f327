// Which triangles a turned face shows: a scaled face keeps and trusts every triangle, a face seen
// from behind shows none, skin stretched past the limit is not trusted, depth orders them far to
// near; the warp paints later triangles over earlier ones and covers only trusted ones.
#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include <gtest/gtest.h>

#include "faceswap/piecewise_warp.hpp"
#include "faceswap/triangulation.hpp"
#include "faceswap/visible_triangles.hpp"
#include "perception/face/face_mesh_topology.hpp"

namespace am {
namespace {

// 468 points scattered over an ellipse 200 wide and 240 high centred on (100, 120), the mesh's
// face oval on its rim (forehead 10 at the top, chin 152 at the bottom, cheeks 234 and 454 at
// the sides) .
std::vector<cv::Point2f> scattered_face() {
  std::mt19937 rng(5);
  std::uniform_real_distribution<float> x(0, 200), y(0, 240);
  std::vector<cv::Point2f> points;
  while (points.size() < 468) {
    const cv::Point2f p(x(rng), y(rng));
    const float u = (p.x - 100) / 100, v = (p.y - 120) / 120;
    if (u * u + v * v < 0.95f) points.push_back(p);
  }
  for (std::size_t k = 0; k < kMeshFaceOval.size(); ++k) {
    const double angle = CV_PI * (static_cast<double>(k) / 18.0 - 0.5);
    points[kMeshFaceOval[k]] = {static_cast<float>(100 + 100 * std::cos(angle)),
                                static_cast<float>(120 + 120 * std::sin(angle))};
  }
  points[234] = {0, 120};
  points[454] = {200, 120};
  return points;
}

std::vector<cv::Point2f> mapped(const std::vector<cv::Point2f>& points, float (*fx)(float),
                                float scale_y = 1) {
  std::vector<cv::Point2f> out;
  for (const cv::Point2f& p : points) out.emplace_back(fx(p.x), scale_y * p.y);
  return out;
}

TEST(LargestStretch, IsTheLongestAxisOfTheAffineMap) {
  const cv::Point2f from[3] = {{0, 0}, {1, 0}, {0, 1}};
  const cv::Point2f wide[3] = {{0, 0}, {4, 0}, {0, 1.5f}};
  const cv::Point2f turned[3] = {{0, 0}, {0, 2}, {-2, 0}};
  EXPECT_NEAR(largest_stretch(from, wide), 4.0, 1e-9);
  EXPECT_NEAR(largest_stretch(from, turned), 2.0, 1e-9);
}

TEST(VisibleTriangles, AScaledFaceKeepsAndTrustsEveryTriangle) {
  const auto source = scattered_face();
  const auto triangles = delaunay_triangles(source);
  const auto target = mapped(
      source, [](float x) { return 2.5f * x + 30; }, 2.5f);
  const VisibleTriangles shown = visible_triangles(source, target, {}, triangles);
  EXPECT_EQ(shown.triangles, triangles);
  EXPECT_EQ(std::count(shown.trusted.begin(), shown.trusted.end(), 1),
            static_cast<long>(triangles.size()));
}

TEST(VisibleTriangles, AFaceSeenFromBehindShowsNoTriangle) {
  const auto source = scattered_face();
  const auto mirrored = mapped(source, [](float x) { return 300 - x; });
  EXPECT_TRUE(
      visible_triangles(source, mirrored, {}, delaunay_triangles(source)).triangles.empty());
}

// A point's distance from the ellipse's centre, 1 on its rim. The band of kOuterBand face widths
// (30 px) lies beyond 0.75 across and 0.8 up and down.
float rim_distance(cv::Point2f p) { return std::hypot((p.x - 100) / 100, (p.y - 120) / 120); }

TEST(VisibleTriangles, SideSkinStretchedPastTheLimitIsNotTrusted) {
  const auto source = scattered_face();
  // The right half (x > 100) stretched 4 times across, as a frontal cheek on a turned head.
  const auto target = mapped(source, [](float x) { return x <= 100 ? x : 100 + 4 * (x - 100); });
  const auto triangles = delaunay_triangles(source);
  const VisibleTriangles shown = visible_triangles(source, target, {}, triangles);
  ASSERT_EQ(shown.triangles.size(), triangles.size());
  int left = 0, right_side = 0, right_middle = 0;
  for (std::size_t i = 0; i < shown.triangles.size(); ++i) {
    float lo = 1e9f, hi = -1e9f, inner = 1e9f, outer = 0;
    for (const int k : {0, 1, 2}) {
      const cv::Point2f p = source[shown.triangles[i][k]];
      lo = std::min(lo, p.x);
      hi = std::max(hi, p.x);
      inner = std::min(inner, rim_distance(p));
      outer = std::max(outer, rim_distance(p));
    }
    if (hi <= 100) {
      EXPECT_EQ(shown.trusted[i], 1) << "not stretched";
      ++left;
    } else if (lo > 100 && inner > 0.9f) {
      EXPECT_EQ(shown.trusted[i], 0) << "stretched on the side";
      ++right_side;
    } else if (lo > 100 && outer < 0.6f) {
      EXPECT_EQ(shown.trusted[i], 1) << "stretched, but in the middle of the face";
      ++right_middle;
    }
  }
  EXPECT_GT(left, 100);
  EXPECT_GT(right_side, 10);
  EXPECT_GT(right_middle, 10);
}

TEST(VisibleTriangles, DepthOrdersThemFarToNear) {
  const auto source = scattered_face();
  std::vector<float> depth;
  for (const cv::Point2f& p : source) depth.push_back(p.x);  // the right side is farther
  const VisibleTriangles shown =
      visible_triangles(source, source, depth, delaunay_triangles(source));
  ASSERT_GT(shown.triangles.size(), 2u);
  auto far = [&](const cv::Vec3i& t) { return depth[t[0]] + depth[t[1]] + depth[t[2]]; };
  for (std::size_t i = 1; i < shown.triangles.size(); ++i)
    EXPECT_GE(far(shown.triangles[i - 1]), far(shown.triangles[i]));
}

TEST(PiecewiseWarp, ALaterTriangleCoversAnEarlierOneAndOnlyTrustedOnesCount) {
  cv::Mat source(100, 100, CV_8UC3, cv::Scalar(0, 0, 0));
  source(cv::Rect(50, 0, 50, 100)).setTo(cv::Scalar(255, 255, 255));
  // Points 0-2 (black half) and 3-5 (white half) both land on the same destination triangle.
  const std::vector<cv::Point2f> src{{5, 5}, {40, 5}, {5, 90}, {55, 5}, {95, 5}, {55, 90}};
  const std::vector<cv::Point2f> dst{{0, 0}, {60, 0}, {0, 60}, {0, 0}, {60, 0}, {0, 60}};
  const std::vector<cv::Vec3i> triangles{{0, 1, 2}, {3, 4, 5}};
  const cv::Rect region(0, 0, 64, 64);
  const std::vector<std::uint8_t> last_untrusted{1, 0}, last_trusted{0, 1};
  const WarpedPatch a = warp_piecewise_affine(source, src, dst, triangles, region, last_untrusted);
  EXPECT_EQ(a.image.at<cv::Vec3b>(10, 10), cv::Vec3b(255, 255, 255)) << "the later one is drawn";
  EXPECT_EQ(a.coverage.at<uchar>(10, 10), 0) << "and it is not trusted";
  const WarpedPatch b = warp_piecewise_affine(source, src, dst, triangles, region, last_trusted);
  EXPECT_EQ(b.coverage.at<uchar>(10, 10), 255);
}

}  // namespace
}  // namespace am

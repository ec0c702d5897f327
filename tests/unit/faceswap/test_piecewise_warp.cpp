// Piecewise-affine warp: a global affine motion of the landmarks must move the image exactly as
// cv::warpAffine does, with no cracks between triangles.
#include <random>
#include <vector>

#include <gtest/gtest.h>
#include <opencv2/imgproc.hpp>

#include "faceswap/piecewise_warp.hpp"
#include "faceswap/triangulation.hpp"

namespace am {
namespace {

cv::Mat smooth_random_image(cv::Size size) {
  cv::Mat noise(size, CV_8UC3);
  cv::randu(noise, 0, 255);
  cv::GaussianBlur(noise, noise, {0, 0}, 3);
  return noise;
}

std::vector<cv::Point2f> grid_points(cv::Rect2f area, int n) {
  std::vector<cv::Point2f> points;
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j)
      points.emplace_back(area.x + area.width * j / (n - 1), area.y + area.height * i / (n - 1));
  std::mt19937 rng(3);
  std::uniform_real_distribution<float> jitter(-3, 3);
  for (auto& p : points) p += cv::Point2f(jitter(rng), jitter(rng));
  return points;
}

TEST(PiecewiseWarp, AGlobalAffineMotionMatchesWarpAffine) {
  const cv::Mat source = smooth_random_image({200, 200});
  const auto src_points = grid_points({20, 20, 160, 160}, 8);
  const cv::Matx23d motion(0.9, -0.2, 40, 0.25, 1.1, 10);
  std::vector<cv::Point2f> dst_points;
  for (const auto& p : src_points)
    dst_points.emplace_back(
        static_cast<float>(motion(0, 0) * p.x + motion(0, 1) * p.y + motion(0, 2)),
        static_cast<float>(motion(1, 0) * p.x + motion(1, 1) * p.y + motion(1, 2)));
  const cv::Rect region(0, 0, 260, 260);
  const WarpedPatch patch =
      warp_piecewise_affine(source, src_points, dst_points, delaunay_triangles(src_points), region);
  cv::Mat expected;
  cv::warpAffine(source, expected, motion, region.size(), cv::INTER_LINEAR, cv::BORDER_REPLICATE);

  cv::Mat hull_mask = cv::Mat::zeros(region.size(), CV_8U);
  std::vector<cv::Point> hull;
  cv::convexHull(std::vector<cv::Point>(dst_points.begin(), dst_points.end()), hull);
  cv::fillConvexPoly(hull_mask, hull, 255);
  cv::erode(hull_mask, hull_mask, cv::Mat(), {-1, -1}, 2);
  EXPECT_EQ(cv::countNonZero(hull_mask & ~patch.coverage), 0) << "cracks inside the hull";

  cv::Mat diff;
  cv::absdiff(patch.image, expected, diff);
  std::vector<cv::Mat> channels;
  cv::split(diff, channels);
  for (const cv::Mat& channel : channels) {
    double worst = 0;
    cv::minMaxLoc(channel, nullptr, &worst, nullptr, nullptr, hull_mask);
    EXPECT_LE(worst, 2.0);
  }
}

TEST(PiecewiseWarp, RegionOffsetIsHonouredAndOutsideStaysUncovered) {
  const cv::Mat source = smooth_random_image({100, 100});
  const std::vector<cv::Point2f> src{{10, 10}, {90, 10}, {90, 90}, {10, 90}};
  std::vector<cv::Point2f> dst;
  for (const auto& p : src) dst.push_back(p + cv::Point2f(500, 300));
  const WarpedPatch patch =
      warp_piecewise_affine(source, src, dst, delaunay_triangles(src), {500, 300, 120, 120});
  EXPECT_EQ(patch.image.at<cv::Vec3b>(50, 50), source.at<cv::Vec3b>(50, 50));
  EXPECT_EQ(patch.coverage.at<uchar>(5, 5), 0);
  EXPECT_EQ(patch.coverage.at<uchar>(100, 100), 0);
  EXPECT_EQ(cv::countNonZero(patch.coverage), 81 * 81);
}

}  // namespace
}  // namespace am

// One Euro smoothing of landmark sets: less jitter on a still face, little lag on a moving one,
// and a restart on jumps.
#include <cmath>
#include <random>
#include <vector>

#include <gtest/gtest.h>

#include "faceswap/landmark_filter.hpp"
#include "support/landmark_motion.hpp"

namespace am {
namespace {

constexpr double kDt = 1.0 / 30;

std::vector<cv::Point2f> shifted(const std::vector<cv::Point2f>& base, cv::Point2f by) {
  std::vector<cv::Point2f> out;
  for (const auto& p : base) out.push_back(p + by);
  return out;
}

std::vector<cv::Point2f> base_points() {
  return {{100, 100}, {200, 100}, {150, 180}, {120, 220}, {180, 220}};
}

TEST(LandmarkFilter, StillFaceJitterIsStronglyReduced) {
  std::mt19937 rng(5);
  std::normal_distribution<float> noise(0, 1.5f);
  LandmarkFilterState state;
  std::vector<std::vector<cv::Point2f>> raw, smooth;
  for (int f = 0; f < 120; ++f) {
    std::vector<cv::Point2f> points = base_points();
    for (auto& p : points) p += cv::Point2f(noise(rng), noise(rng));
    raw.push_back(points);
    smooth.push_back(filter_landmarks(state, points, f * kDt, 150));
  }
  EXPECT_LT(test::rms_step(smooth), 0.35 * test::rms_step(raw));
}

TEST(LandmarkFilter, MovingFaceIsFollowedWithSmallLag) {
  LandmarkFilterState state;
  std::vector<cv::Point2f> out;
  const float speed = 300;  // pixels per second, a face of 150 px moving two widths a second
  for (int f = 0; f < 60; ++f)
    out = filter_landmarks(state, shifted(base_points(), {speed * static_cast<float>(f * kDt), 0}),
                           f * kDt, 150);
  const float truth = base_points()[0].x + speed * static_cast<float>(59 * kDt);
  EXPECT_LT(std::abs(out[0].x - truth), 3.0f);
}

TEST(LandmarkFilter, JumpCountChangeAndTimeGoingBackRestart) {
  LandmarkFilterState state;
  filter_landmarks(state, base_points(), 0, 150);
  const auto jumped = shifted(base_points(), {200, 0});
  EXPECT_EQ(filter_landmarks(state, jumped, kDt, 150), jumped);
  const std::vector<cv::Point2f> fewer{{1, 2}, {3, 4}};
  EXPECT_EQ(filter_landmarks(state, fewer, 2 * kDt, 150), fewer);
  const std::vector<cv::Point2f> moved{{2, 2}, {4, 4}};
  EXPECT_EQ(filter_landmarks(state, moved, kDt, 150), moved);
}

}  // namespace
}  // namespace am

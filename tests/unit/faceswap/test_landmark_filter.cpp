// One Euro smoothing of landmark sets: less jitter on a still face, little lag on a moving one,
// a restart on jumps; on a 468-point face mesh a blink gets through while the face stays
// smoothed.
#include <cmath>
#include <random>
#include <vector>

#include <gtest/gtest.h>

#include "faceswap/landmark_filter.hpp"
#include "perception/face/face_mesh_topology.hpp"
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

// Frame-to-frame motion (RMS) of a still face seen for 4 s with Gaussian noise, smoothed / raw.
double still_jitter_ratio(const std::vector<cv::Point2f>& face, float sigma, unsigned seed) {
  std::mt19937 rng(seed);
  std::normal_distribution<float> noise(0, sigma);
  LandmarkFilterState state;
  std::vector<std::vector<cv::Point2f>> raw, smooth;
  for (int f = 0; f < 120; ++f) {
    std::vector<cv::Point2f> points = face;
    for (auto& p : points) p += cv::Point2f(noise(rng), noise(rng));
    raw.push_back(points);
    smooth.push_back(filter_landmarks(state, points, f * kDt, 150));
  }
  return test::rms_step(smooth) / test::rms_step(raw);
}

TEST(LandmarkFilter, StillFaceJitterIsStronglyReduced) {
  EXPECT_LT(still_jitter_ratio(base_points(), 1.5f, 5), 0.35);
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

// A 468-point face 150 px wide: points on a grid, each eye a 30 x 12 px ellipse of its contour.
std::vector<cv::Point2f> mesh_face(float eye_opening) {
  std::vector<cv::Point2f> points;
  for (int i = 0; i < kMeshPointCount; ++i)
    points.emplace_back(50 + static_cast<float>(i % 22) * 7, 40 + static_cast<float>(i / 22) * 9);
  auto place_eye = [&](const auto& contour, cv::Point2f centre) {
    for (std::size_t k = 0; k < contour.size(); ++k) {
      const double a = CV_2PI * static_cast<double>(k) / static_cast<double>(contour.size());
      points[contour[k]] = centre + cv::Point2f(static_cast<float>(-15 * std::cos(a)),
                                                static_cast<float>(-6 * eye_opening * std::sin(a)));
    }
  };
  place_eye(kMeshRightEye, {90, 100});
  place_eye(kMeshLeftEye, {160, 100});
  return points;
}

double right_eye_gap(const std::vector<cv::Point2f>& points) {
  return points[kMeshRightEye[4]].y - points[kMeshRightEye[12]].y;  // upper and lower lid
}

TEST(LandmarkFilter, ABlinkGetsThroughTheSmoothing) {
  LandmarkFilterState state;
  std::vector<cv::Point2f> out;
  for (int f = 0; f < 30; ++f) out = filter_landmarks(state, mesh_face(1), f * kDt, 150);
  const double open = right_eye_gap(out);
  // Closing over two frames (about 70 ms), closed for two.
  for (int f = 30; f < 34; ++f)
    out = filter_landmarks(state, mesh_face(f == 30 ? 0.5f : 0.05f), f * kDt, 150);
  EXPECT_LT(std::abs(right_eye_gap(out)), 0.25 * std::abs(open)) << "the lids closed";
  EXPECT_NEAR(out[kMeshRightEye[0]].x, mesh_face(1)[kMeshRightEye[0]].x, 0.01)
      << "the eye's corner stays";
}

TEST(LandmarkFilter, AStillFaceMeshStaysSmoothedEyesIncluded) {
  EXPECT_LT(still_jitter_ratio(mesh_face(1), 0.5f, 9), 0.5);
}

}  // namespace
}  // namespace am

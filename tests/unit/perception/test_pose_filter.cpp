// One Euro / low-pass smoothing and the pose JSON: properties that catch real mistakes.
#include <cmath>

#include <gtest/gtest.h>

#include "perception/common/one_euro_filter.hpp"
#include "perception/pose/pose_drawing.hpp"
#include "perception/pose/pose_smoother.hpp"

namespace am {
namespace {

TEST(OneEuroFilter, FirstValuePassesAndAConstantStaysConstant) {
  OneEuroFilter f;
  EXPECT_FLOAT_EQ(f.apply(0.0, 5.0f), 5.0f);
  for (int i = 1; i < 50; ++i) EXPECT_FLOAT_EQ(f.apply(i / 30.0, 5.0f), 5.0f);
}

TEST(OneEuroFilter, SuppressesJitterWhenStillButFollowsFastMotion) {
  OneEuroFilter still({30, 0.05, 80, 1});
  float worst = 0;
  for (int i = 0; i < 60; ++i) {
    const float noisy = 100.0f + ((i % 2) ? 0.5f : -0.5f);
    const float out = still.apply(i / 30.0, noisy, 1.0f / 200);
    if (i > 10) worst = std::max(worst, std::fabs(out - 100.0f));
  }
  EXPECT_LT(worst, 0.25f);  // jitter of +-0.5 px shrinks by more than half

  OneEuroFilter moving({30, 0.05, 80, 1});
  float out = 0;
  for (int i = 0; i < 30; ++i) out = moving.apply(i / 30.0, 20.0f * i, 1.0f / 200);
  EXPECT_NEAR(out, 20.0f * 29, 20.0f);  // lags by less than one frame of motion
}

TEST(OneEuroFilter, RepeatedOrOlderTimestampsPassTheValueThrough) {
  OneEuroFilter f;
  f.apply(1.0, 0.0f);
  EXPECT_FLOAT_EQ(f.apply(1.0, 10.0f), 10.0f);
  EXPECT_FLOAT_EQ(f.apply(0.5, 7.0f), 7.0f);
}

TEST(LowPassFilter, BlendsWithAlpha) {
  LowPassFilter f;
  EXPECT_FLOAT_EQ(f.apply(1.0f, 0.1f), 1.0f);
  EXPECT_FLOAT_EQ(f.apply(0.0f, 0.1f), 0.9f);
  EXPECT_FLOAT_EQ(f.last_raw(), 0.0f);
}

TEST(PoseSmoother, SmoothsEveryLandmarkOfAPersonAndLeavesTheFirstFrameAlone) {
  PoseSmoother smoother;
  std::vector<PoseLandmark> lms(kLandmarkCount + 2);
  for (std::size_t i = 0; i < lms.size(); ++i)
    lms[i] = {100.0f + i * 5, 100.0f + i * 10, 0, 0.9f, 0.9f};
  PoseLandmarks world;
  world.fill({0.1f, 0.2f, 0.3f});
  auto first = lms;
  smoother.smooth(0.0, first, world);
  EXPECT_FLOAT_EQ(first[7].x, lms[7].x);
  auto jittered = lms;
  for (auto& l : jittered) l.x += 1.0f, l.visibility = 0.0f;
  smoother.smooth(1 / 30.0, jittered, world);
  for (std::size_t i = 0; i < lms.size(); ++i) {
    EXPECT_GT(jittered[i].x, lms[i].x);
    EXPECT_LT(jittered[i].x, lms[i].x + 1.0f);
  }
  EXPECT_NEAR(jittered[0].visibility, 0.81f, 1e-5);
}

TEST(PoseDraw, PaintsTheSkeletonOnlyWhereLandmarksAreVisible) {
  PoseObservation p;
  p.landmarks.fill({0, 0, 0, 0.0f, 1});
  p.landmarks[11] = {20, 50, 0, 1, 1};  // left shoulder
  p.landmarks[12] = {80, 50, 0, 1, 1};  // right shoulder
  cv::Mat image(100, 100, CV_8UC3, cv::Scalar::all(0));
  draw_pose(image, {p});
  EXPECT_GT(cv::norm(image.at<cv::Vec3b>(50, 50)), 0);  // the shoulder line
  EXPECT_EQ(cv::norm(image.at<cv::Vec3b>(90, 90)), 0);
}

}  // namespace
}  // namespace am

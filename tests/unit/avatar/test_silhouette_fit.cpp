// Silhouette registration: the shift search on hand-made masks, and the pose fit on the synthetic
// person (avatar_fixture.hpp) rendered with a forearm turned away from its landmarks.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <numbers>

#include <opencv2/imgproc.hpp>

#include "avatar/depth_raster.hpp"
#include "avatar/landmarks.hpp"
#include "avatar/silhouette_fit.hpp"
#include "avatar/silhouette_pose.hpp"
#include "unit/avatar/avatar_fixture.hpp"

namespace am::test {
namespace {

cv::Mat box_mask(cv::Rect box) {
  cv::Mat m(200, 300, CV_8U, cv::Scalar(0));
  cv::rectangle(m, box, cv::Scalar(255), cv::FILLED);
  return m;
}

TEST(SilhouetteShift, FindsTheShiftThatPutsTheRenderOnTheMask) {
  const cv::Mat mask = box_mask({100, 40, 60, 120});
  const cv::Mat rendered = box_mask({93, 45, 60, 120});
  const cv::Point shift = avatar::best_silhouette_shift(rendered, mask, {0, 0}, 12);
  EXPECT_EQ(shift, cv::Point(7, -5));
  EXPECT_DOUBLE_EQ(avatar::shifted_iou(rendered, mask, shift), 1.0);
  EXPECT_LT(avatar::shifted_iou(rendered, mask, {0, 0}), 0.85);
}

TEST(SilhouetteShift, StaysWithinTheRadiusOfItsStart) {
  const cv::Mat mask = box_mask({150, 40, 60, 120});
  const cv::Mat rendered = box_mask({100, 40, 60, 120});
  EXPECT_EQ(avatar::best_silhouette_shift(rendered, mask, {40, 0}, 4), cv::Point(44, 0));
}

// The right forearm's landmarks turned by `deg` about the elbow in the image plane.
PoseLandmarks with_forearm_turned(PoseLandmarks world, float deg) {
  const float c = std::cos(deg * std::numbers::pi_v<float> / 180.0f);
  const float s = std::sin(deg * std::numbers::pi_v<float> / 180.0f);
  const PoseLandmark elbow = world[lm::kRightElbow];
  for (int i : {lm::kRightWrist, lm::kRightPinky, lm::kRightIndex, lm::kRightThumb}) {
    const float x = world[i].x - elbow.x, y = world[i].y - elbow.y;
    world[i].x = elbow.x + c * x - s * y;
    world[i].y = elbow.y + s * x + c * y;
  }
  return world;
}

TEST(SilhouettePose, TurnsAMisreadForearmOntoThePersonsSilhouette) {
  const BuiltAvatar& a = built_avatar();
  const avatar::RiggedAvatar rigged{a.rec.mesh, a.skeleton, a.weights, a.person.view.world};
  const PoseLandmarks truth = with_forearm_turned(a.person.view.world, 16.0f);
  const cv::Size size = a.rec.binary_mask.size();
  const auto silhouette = [&](const PoseLandmarks& world) -> cv::Mat {
    return avatar::rasterize_depth(avatar::pose_mesh(rigged, world), a.rec.frame, size).face >= 0;
  };
  const cv::Mat person = silhouette(truth);

  const PoseLandmarks fitted =
      avatar::fit_pose_to_silhouette(rigged, a.person.view.world, a.rec.frame, person);

  const double before = avatar::shifted_iou(silhouette(a.person.view.world), person, {0, 0});
  const double after = avatar::shifted_iou(silhouette(fitted), person, {0, 0});
  std::printf("silhouette IoU %.4f before the fit, %.4f after\n", before, after);
  EXPECT_GT(after, before + 0.005);
  EXPECT_GT(after, 0.98);
  const auto forearm_angle = [](const PoseLandmarks& w) {
    return std::atan2(w[lm::kRightWrist].y - w[lm::kRightElbow].y,
                      w[lm::kRightWrist].x - w[lm::kRightElbow].x) *
           180.0f / std::numbers::pi_v<float>;
  };
  std::printf("forearm %.1f deg fitted, %.1f true\n", forearm_angle(fitted), forearm_angle(truth));
  EXPECT_NEAR(forearm_angle(fitted), forearm_angle(truth), 4.0f);
}

}  // namespace
}  // namespace am::test

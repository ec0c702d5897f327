// Standing height from the world landmarks (body_height.hpp): the sum of the body's segments,
// whatever the pose of the arms, the turn of the body or where the landmarks' origin is.
#include <gtest/gtest.h>

#include <cmath>

#include "avatar/body_height.hpp"
#include "avatar/landmarks.hpp"

namespace am::test {
namespace {

// An upright person (MediaPipe world: y down) with leg 0.90 m (hip-knee 0.45, knee-ankle 0.45),
// trunk 0.50 m and shoulders to ears 0.20 m: (0.90 + 0.50 + 1.6 x 0.20) / 0.961 = 1.790 m.
PoseLandmarks upright_person() {
  PoseLandmarks w{};
  const auto set = [&](int i, float x, float y) { w[i] = {x, y, 0, 1, 1}; };
  for (int side = 0; side < 2; ++side) {
    const float s = side == 0 ? 1.0f : -1.0f;
    set(lm::kLeftHip + side, 0.1f * s, 0);
    set(lm::kLeftKnee + side, 0.1f * s, 0.45f);
    set(lm::kLeftAnkle + side, 0.1f * s, 0.90f);
    set(lm::kLeftShoulder + side, 0.18f * s, -0.50f);
    set(lm::kLeftEar + side, 0.07f * s, -0.70f);
    set(lm::kLeftElbow + side, 0.3f * s, -0.25f);
    set(lm::kLeftWrist + side, 0.35f * s, 0.0f);
  }
  return w;
}

TEST(AvatarBodyHeight, SumsTheSegmentsOfAnUprightPerson) {
  EXPECT_NEAR(avatar::estimate_height_m(upright_person()), 1.790f, 0.002f);
}

TEST(AvatarBodyHeight, ArmsAndATurnOfTheBodyDoNotChangeIt) {
  const float upright = avatar::estimate_height_m(upright_person());
  PoseLandmarks moved = upright_person();
  for (int side = 0; side < 2; ++side) moved[lm::kLeftWrist + side].y = -0.9f;  // arms up
  const Eigen::AngleAxisf turn(0.8f, Eigen::Vector3f::UnitY());
  for (auto& p : moved) {
    const Eigen::Vector3f q = turn * Eigen::Vector3f(p.x, p.y, p.z) + Eigen::Vector3f(1, 2, 3);
    p.x = q.x(), p.y = q.y(), p.z = q.z();
  }
  EXPECT_NEAR(avatar::estimate_height_m(moved), upright, 1e-4f);
}

TEST(AvatarBodyHeight, CrouchingKeepsTheStandingHeight) {
  PoseLandmarks crouch = upright_person();
  for (int side = 0; side < 2; ++side) {  // hips 0.1 m lower, knees forward, segments kept
    crouch[lm::kLeftAnkle + side].y = 0.80f;
    crouch[lm::kLeftKnee + side].y = 0.40f;
    crouch[lm::kLeftKnee + side].z = -std::sqrt(0.45f * 0.45f - 0.40f * 0.40f);
  }
  EXPECT_NEAR(avatar::estimate_height_m(crouch), avatar::estimate_height_m(upright_person()),
              1e-4f);
}

// A pinhole camera 1.1 m above the floor (focal 1000 px, principal row 360) seeing a person of
// 1.80 m standing 4 m away: soles at row 360 + 1000 x 1.1 / 4, head top at 360 - 1000 x 0.7 / 4.
TEST(FloorCamera, ALevelCameraGivesTheStatureFromTheSolesAndTheHeadTop) {
  const avatar::FloorCamera camera{1.1f, 1000.0f, 360.0f, 0.0f};
  const auto stature = avatar::stature_from_floor_camera(360.0f - 175.0f, 360.0f + 275.0f, camera);
  ASSERT_TRUE(stature);
  EXPECT_NEAR(*stature, 1.80f, 1e-3f);
}

TEST(FloorCamera, ATiltedCameraUsesItsPitch) {
  // The same person seen by the camera tilted 10 degrees down: each ray's angle below the
  // horizontal is the pitch plus its angle below the optical axis.
  const float pitch = 10.0f * static_cast<float>(M_PI) / 180.0f;
  const auto row = [&](float below_horizon) {
    return 360.0f + 1000.0f * std::tan(below_horizon - pitch);
  };
  const avatar::FloorCamera camera{1.1f, 1000.0f, 360.0f, 10.0f};
  const auto stature = avatar::stature_from_floor_camera(row(std::atan(-0.7f / 4.0f)),
                                                         row(std::atan(1.1f / 4.0f)), camera);
  ASSERT_TRUE(stature);
  EXPECT_NEAR(*stature, 1.80f, 1e-3f);
  EXPECT_GT(std::abs(*avatar::stature_from_floor_camera(row(std::atan(-0.7f / 4.0f)),
                                                        row(std::atan(1.1f / 4.0f)),
                                                        {1.1f, 1000.0f, 360.0f, 0.0f}) -
                     1.80f),
            0.1f);
}

TEST(FloorCamera, SolesAboveTheHorizonGiveNothing) {
  EXPECT_FALSE(avatar::stature_from_floor_camera(100.0f, 350.0f, {1.1f, 1000.0f, 360.0f, 0.0f}));
}

}  // namespace
}  // namespace am::test

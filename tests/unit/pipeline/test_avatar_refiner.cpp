#include <cmath>
#include <memory>

#include <gtest/gtest.h>

#include "pipeline/avatar_refiner.hpp"
#include "support/synthetic_pose.hpp"

namespace am {
namespace {

// The T-pose turned about the vertical axis by `degrees` (MediaPipe world: y down).
PoseLandmarks turned(double degrees) {
  const double a = degrees * M_PI / 180.0;
  Landmarks points = test::tpose_mediapipe();
  for (auto& p : points)
    p = Eigen::Vector3d(std::cos(a) * p.x() + std::sin(a) * p.z(), p.y(),
                        -std::sin(a) * p.x() + std::cos(a) * p.z());
  return test::as_pose_landmarks(points);
}

std::shared_ptr<const builder::AvatarBuild> facing_build() {
  auto build = std::make_shared<builder::AvatarBuild>();
  build->bind_world = turned(0);
  build->reconstruction.mesh.texture = cv::Mat(8, 16, CV_8UC3, cv::Scalar::all(128));
  return build;
}

PoseObservation seen(double degrees) {
  PoseObservation person;
  person.world_landmarks = turned(degrees);
  person.mask = cv::Mat(4, 4, CV_32F, cv::Scalar(1));
  return person;
}

TEST(AvatarRefiner, OnlyATurnedFrameInANewSectorAsksForARefinement) {
  AvatarRefiner refiner({true, 45, 0});
  refiner.keep(7, facing_build());
  EXPECT_FALSE(refiner.wants(7, seen(0), 0));
  EXPECT_FALSE(refiner.wants(7, seen(30), 0));
  EXPECT_FALSE(refiner.wants(8, seen(90), 0)) << "nobody kept as 8";
  EXPECT_TRUE(refiner.wants(7, seen(90), 0));
  EXPECT_FALSE(refiner.wants(7, seen(180), 1)) << "busy until refine() ends";
}

TEST(AvatarRefiner, NeedsTheFramesMaskAndForgetsPeopleWhoLeft) {
  AvatarRefiner refiner({true, 45, 0});
  refiner.keep(3, facing_build());
  PoseObservation no_mask = seen(120);
  no_mask.mask.reset();
  EXPECT_FALSE(refiner.wants(3, no_mask, 0));
  refiner.forget(3);
  EXPECT_FALSE(refiner.wants(3, seen(120), 0));
}

TEST(AvatarRefiner, KeepsNothingWhenRefinementIsOff) {
  AvatarRefiner refiner({false, 45, 0});
  refiner.keep(5, facing_build());
  EXPECT_FALSE(refiner.wants(5, seen(150), 0));
}

}  // namespace
}  // namespace am

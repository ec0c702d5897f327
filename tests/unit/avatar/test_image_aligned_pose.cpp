// align_world_to_image: bones keep their world length and depth change but point where the image
// shows them; unseen landmarks keep their world bone.
#include <gtest/gtest.h>

#include <cmath>

#include "avatar/image_aligned_pose.hpp"
#include "avatar/landmarks.hpp"
#include "support/synthetic_pose.hpp"

namespace am::avatar {
namespace {

constexpr float kPixelsPerMetre = 400.0f;

Eigen::Vector3f at(const PoseLandmarks& l, int i) { return {l[i].x, l[i].y, l[i].z}; }

// The image of world landmarks seen straight on (x right, y down, pixels).
PoseLandmarks image_of(const PoseLandmarks& world) {
  PoseLandmarks image = world;
  for (PoseLandmark& p : image) {
    p.x = 640.0f + kPixelsPerMetre * p.x;
    p.y = 360.0f + kPixelsPerMetre * p.y;
  }
  return image;
}

// The right forearm turned in the image plane by `deg` about the elbow.
void turn_right_forearm_in_image(PoseLandmarks& image, float deg) {
  const float c = std::cos(deg * 3.14159265f / 180.0f), s = std::sin(deg * 3.14159265f / 180.0f);
  const Eigen::Vector2f elbow = lm::pixel(image, lm::kRightElbow);
  for (int i : {lm::kRightWrist, lm::kRightPinky, lm::kRightIndex, lm::kRightThumb}) {
    const Eigen::Vector2f d = lm::pixel(image, i) - elbow;
    image[i].x = elbow.x() + c * d.x() - s * d.y();
    image[i].y = elbow.y() + s * d.x() + c * d.y();
  }
}

float image_angle(const Eigen::Vector2f& v) { return std::atan2(v.y(), v.x()); }

class ImageAlignedPose : public ::testing::Test {
 protected:
  PoseLandmarks world = test::as_pose_landmarks(test::tpose_mediapipe());
  PoseLandmarks image = image_of(world);
};

TEST_F(ImageAlignedPose, AWorldPoseTheImageAgreesWithIsKept) {
  const PoseLandmarks out = align_world_to_image(image, world);
  for (int i = 0; i < kLandmarkCount; ++i) EXPECT_LT((at(out, i) - at(world, i)).norm(), 1e-5f);
}

TEST_F(ImageAlignedPose, AForearmTheImageShowsTurnedIsTurnedAndKeepsItsLengthAndDepth) {
  world[lm::kRightWrist].z += 0.1f;  // the forearm reaches back a little
  image = image_of(world);
  turn_right_forearm_in_image(image, 30.0f);
  const PoseLandmarks out = align_world_to_image(image, world);
  const Eigen::Vector3f forearm = at(out, lm::kRightWrist) - at(out, lm::kRightElbow);
  const Eigen::Vector3f world_forearm = at(world, lm::kRightWrist) - at(world, lm::kRightElbow);
  const Eigen::Vector2f image_forearm =
      lm::pixel(image, lm::kRightWrist) - lm::pixel(image, lm::kRightElbow);
  EXPECT_NEAR(image_angle(forearm.head<2>()), image_angle(image_forearm), 1e-4f);
  EXPECT_NEAR(forearm.norm(), world_forearm.norm(), 1e-5f);
  EXPECT_NEAR(forearm.z(), world_forearm.z(), 1e-5f);
  // The hand moves with the wrist; the upper arm and the other side stay.
  EXPECT_GT((at(out, lm::kRightIndex) - at(world, lm::kRightIndex)).norm(), 0.05f);
  EXPECT_LT((at(out, lm::kRightElbow) - at(world, lm::kRightElbow)).norm(), 1e-5f);
  EXPECT_LT((at(out, lm::kLeftWrist) - at(world, lm::kLeftWrist)).norm(), 1e-5f);
}

TEST_F(ImageAlignedPose, AnUnseenWristKeepsItsWorldBone) {
  turn_right_forearm_in_image(image, 30.0f);
  image[lm::kRightWrist].visibility = 0.2f;
  const PoseLandmarks out = align_world_to_image(image, world);
  EXPECT_LT((at(out, lm::kRightWrist) - at(world, lm::kRightWrist)).norm(), 1e-5f);
}

TEST_F(ImageAlignedPose, TheWorldHipMidpointMovesToTheOrigin) {
  for (PoseLandmark& p : world) p.x += 0.05f;
  const PoseLandmarks out = align_world_to_image(image_of(world), world);
  EXPECT_NEAR(out[lm::kLeftHip].x + out[lm::kRightHip].x, 0.0f, 1e-5f);
  EXPECT_NEAR(out[lm::kLeftShoulder].x - out[lm::kRightShoulder].x,
              world[lm::kLeftShoulder].x - world[lm::kRightShoulder].x, 1e-5f);
}

}  // namespace
}  // namespace am::avatar

// Where the face of a person is looked for; pose_update entries carry bones only with a bind
// pose; the bind pose stored with a cached avatar survives the round trip.
#include <gtest/gtest.h>

#include "jobs/avatar_files.hpp"
#include "pipeline/conversions.hpp"

namespace am {
namespace {

PoseObservation person_with_nose(float x, float y) {
  PoseObservation p;
  p.landmarks[0] = {x, y, 0, 1, 1};
  for (int i = 0; i < 33; ++i) p.world_landmarks[i] = {0.01f * i, -0.02f * i, 0.0f};
  return p;
}

TEST(HeadRegion, ASquareThreeTimesTheHeadAroundIt) {
  PoseObservation p = person_with_nose(200, 100);
  for (int i = 1; i <= 10; ++i)
    p.landmarks[i] = {200.0f + (i % 2 ? 10.0f : -10.0f), 100.0f, 0, 1, 1};
  const cv::Rect head = head_region(p, cv::Size(640, 480));
  EXPECT_EQ(head.width, head.height);
  EXPECT_NEAR(head.width, 60, 1);
  EXPECT_TRUE(head.contains(cv::Point(200, 100)));
}

TEST(HeadRegion, ClippedToTheImageAndEmptyWhenOff) {
  PoseObservation p = person_with_nose(5, 5);
  for (int i = 1; i <= 10; ++i) p.landmarks[i] = {5.0f + i * 3.0f, 5.0f, 0, 1, 1};
  const cv::Rect head = head_region(p, cv::Size(640, 480));
  EXPECT_EQ(head & cv::Rect(0, 0, 640, 480), head);
  EXPECT_FALSE(head.empty());
  PoseObservation off = person_with_nose(-500, -500);
  for (int i = 1; i <= 10; ++i) off.landmarks[i] = {-500.0f + i, -500.0f, 0, 1, 1};
  EXPECT_TRUE(head_region(off, cv::Size(640, 480)).empty());
}

TEST(PersonPose, BonesOnlyOnceTheBindPoseIsKnown) {
  const PoseObservation p = person_with_nose(0, 0);
  const PersonPose without = person_pose(3, p, nullptr, 10.0);
  EXPECT_EQ(without.person_id, 3);
  EXPECT_EQ(without.joints.size(), 33u);
  EXPECT_TRUE(without.bones.empty());
  const BindPose bind = make_bind_pose(landmark_points(p.world_landmarks));
  const PersonPose with = person_pose(3, p, &bind, 10.0);
  EXPECT_FALSE(with.bones.empty());
  for (const auto& [name, q] : with.bones)  // the pose of the photo itself: no rotation
    EXPECT_NEAR(std::abs(q[3]), 1.0, 1e-6) << name;
}

TEST(AvatarMetadata, BindPoseRoundTrips) {
  Landmarks bind{};
  for (size_t i = 0; i < bind.size(); ++i) bind[i] = Eigen::Vector3d(0.1 * i, -0.2, 0.3 * i);
  const auto back = bind_world_from_metadata(avatar_metadata(bind, {{"vertices", 10}}, ""));
  ASSERT_TRUE(back.has_value());
  for (size_t i = 0; i < bind.size(); ++i) EXPECT_TRUE((*back)[i].isApprox(bind[i]));
  EXPECT_FALSE(bind_world_from_metadata("{\"report\": {}}").has_value());
  EXPECT_FALSE(bind_world_from_metadata("not json").has_value());
}

TEST(AvatarMetadata, FaceRoundTripsAndDefaultsToTheOwnFace) {
  const std::string tag = "swap crc32=0123abcd blend=feathered keep_mouth=false keep_eyes=false";
  EXPECT_EQ(face_from_metadata(avatar_metadata(Landmarks{}, {}, tag)), tag);
  EXPECT_EQ(face_from_metadata(avatar_metadata(Landmarks{}, {}, "")), "");
  EXPECT_EQ(face_from_metadata("{\"bind_world\": []}"), "") << "avatars cached before the tag";
  EXPECT_EQ(face_from_metadata("not json"), "");
}

}  // namespace
}  // namespace am

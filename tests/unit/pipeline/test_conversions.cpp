// Faces go to the person whose nose they hold; pose_update entries carry bones only with a bind
// pose; the bind pose stored with a cached avatar survives the round trip.
#include <gtest/gtest.h>

#include "pipeline/avatar_files.hpp"
#include "pipeline/conversions.hpp"

namespace am {
namespace {

PoseObservation person_with_nose(float x, float y) {
  PoseObservation p;
  p.landmarks.resize(33);
  p.world_landmarks.resize(33);
  p.landmarks[0] = {x, y, 0, 1, 1};
  for (int i = 0; i < 33; ++i) p.world_landmarks[i] = {0.01f * i, -0.02f * i, 0.0f};
  return p;
}

FaceDetection face_at(float x, float y, float size) {
  FaceDetection f;
  f.box = cv::Rect2f(x - size / 2, y - size / 2, size, size);
  return f;
}

TEST(AssignFaces, EachPersonGetsTheFaceOnTheirNose) {
  const std::vector<PoseObservation> persons = {person_with_nose(100, 100),
                                                person_with_nose(400, 120)};
  const std::vector<FaceDetection> faces = {face_at(402, 118, 60), face_at(98, 104, 50),
                                            face_at(700, 100, 40)};
  EXPECT_EQ(assign_faces(persons, faces), (std::vector<int>{1, 0}));
}

TEST(AssignFaces, AFaceGoesToOnePersonOnly) {
  const std::vector<PoseObservation> persons = {person_with_nose(100, 100),
                                                person_with_nose(120, 100)};
  const std::vector<FaceDetection> faces = {face_at(118, 100, 80)};
  EXPECT_EQ(assign_faces(persons, faces), (std::vector<int>{-1, 0}));
}

TEST(PersonPose, BonesOnlyOnceTheBindPoseIsKnown) {
  const PoseObservation p = person_with_nose(0, 0);
  const PersonPose without = person_pose(3, p, nullptr, 10.0);
  EXPECT_EQ(without.person_id, 3);
  EXPECT_EQ(without.joints.size(), 33u);
  EXPECT_TRUE(without.bones.empty());
  const BindPose bind = make_bind_pose(to_stream_landmarks(p.world_landmarks));
  const PersonPose with = person_pose(3, p, &bind, 10.0);
  EXPECT_FALSE(with.bones.empty());
  for (const auto& [name, q] : with.bones)  // the pose of the photo itself: no rotation
    EXPECT_NEAR(std::abs(q[3]), 1.0, 1e-6) << name;
}

TEST(AvatarMetadata, BindPoseRoundTrips) {
  Landmarks bind{};
  for (size_t i = 0; i < bind.size(); ++i) bind[i] = Eigen::Vector3d(0.1 * i, -0.2, 0.3 * i);
  const auto back = bind_world_from_metadata(avatar_metadata(bind, {{"vertices", 10}}));
  ASSERT_TRUE(back.has_value());
  for (size_t i = 0; i < bind.size(); ++i) EXPECT_TRUE((*back)[i].isApprox(bind[i]));
  EXPECT_FALSE(bind_world_from_metadata("{\"report\": {}}").has_value());
  EXPECT_FALSE(bind_world_from_metadata("not json").has_value());
}

}  // namespace
}  // namespace am

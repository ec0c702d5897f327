// The body model: one bone table (names, parents), rest frames along the bones, rest transforms
// that compose, and bind poses that only differ by where the hips are put.
#include <gtest/gtest.h>

#include "body/bind_pose.hpp"
#include "support/synthetic_pose.hpp"

namespace am {
namespace {

using Eigen::Vector3d;

TEST(BodyModel, HasGodotHumanoidBonesParentsFirst) {
  const auto names = bone_name_list();
  ASSERT_EQ(static_cast<int>(names.size()), kBoneCount);
  EXPECT_EQ(names.front(), "Hips");
  EXPECT_FALSE(bone_parent(Bone::Hips));
  for (int b = 1; b < kBoneCount; ++b) {
    const auto parent = bone_parent(static_cast<Bone>(b));
    ASSERT_TRUE(parent) << names[b];
    EXPECT_LT(index(*parent), b) << names[b];
    EXPECT_EQ(find_bone(names[b]), static_cast<Bone>(b));
  }
  EXPECT_EQ(bone_parent(Bone::LeftUpperArm), Bone::LeftShoulder);
  EXPECT_EQ(bone_parent(Bone::RightToes), Bone::RightFoot);
  EXPECT_FALSE(find_bone("Tail"));
}

TEST(BodyModel, LandmarkNamesAndSidesMatchTheEnum) {
  EXPECT_EQ(landmark_names()[lm::kLeftElbow], "left_elbow");
  EXPECT_EQ(landmark_names()[side(lm::kLeftElbow, 1)], "right_elbow");
  EXPECT_EQ(landmark_names()[lm::kRightFootIndex], "right_foot_index");
  EXPECT_EQ(static_cast<int>(landmark_name_list().size()), kLandmarkCount);
}

TEST(BodyModel, RestFramesAreRotationsAlongTheBones) {
  const BindPose bind = make_bind_pose(test::tpose_mediapipe());
  for (int b = 0; b < kBoneCount; ++b) {
    const Eigen::Matrix3d r = bind.rest[b].toRotationMatrix();
    EXPECT_TRUE((r.transpose() * r).isIdentity(1e-9)) << bone_name(Bone(b));
    EXPECT_NEAR(r.determinant(), 1.0, 1e-9);
    EXPECT_GT(r.col(1).dot((bind.tail[b] - bind.head[b]).normalized()), 1 - 1e-9)
        << bone_name(Bone(b));
  }
  EXPECT_GT(bind.head[index(Bone::LeftUpperArm)].x(), 0.0) << "the avatar's left is +X";
  EXPECT_GT(bind.head[index(Bone::Head)].y(), bind.head[index(Bone::Hips)].y()) << "Y is up";
}

TEST(BodyModel, HipsGoWhereAskedAndRestsDoNotDependOnIt) {
  const Landmarks tpose = test::tpose_mediapipe();
  const BindPose at_origin = make_bind_pose(tpose);
  const BindPose lifted = make_bind_pose(tpose, Vector3d(0, 0.95, 0));
  EXPECT_LT(at_origin.head[index(Bone::Hips)].norm(), 1e-12);
  EXPECT_LT((lifted.head[index(Bone::Hips)] - Vector3d(0, 0.95, 0)).norm(), 1e-12);
  for (int b = 0; b < kBoneCount; ++b) {
    EXPECT_LT(at_origin.rest[b].angularDistance(lifted.rest[b]), 1e-12);
    EXPECT_LT((lifted.head[b] - at_origin.head[b] - Vector3d(0, 0.95, 0)).norm(), 1e-12);
  }
}

TEST(BodyModel, LocalRestTransformsComposeToTheGlobalOnes) {
  const BindPose bind = make_bind_pose(test::tpose_mediapipe(), Vector3d(0, 1, 0));
  const auto global = global_rest_transforms(bind);
  const auto local = local_rest_transforms(bind);
  for (int b = 0; b < kBoneCount; ++b) {
    const auto parent = bone_parent(static_cast<Bone>(b));
    const Eigen::Matrix4d composed =
        parent ? (global[index(*parent)] * local[b]).matrix() : local[b].matrix();
    EXPECT_TRUE(composed.isApprox(global[b].matrix(), 1e-12)) << bone_name(Bone(b));
  }
}

}  // namespace
}  // namespace am

// Humanoid skeleton: names, hierarchy, rest orientation convention, placement in the body.
#include <gtest/gtest.h>

#include "avatar/skeleton.hpp"
#include "unit/avatar/avatar_fixture.hpp"

namespace am::test {
namespace {

TEST(AvatarSkeleton, HasGodotHumanoidBonesParentsFirst) {
  const auto& s = built_avatar().skeleton;
  ASSERT_EQ(s.bones.size(), avatar::kHumanoidBones.size());
  for (size_t i = 0; i < s.bones.size(); ++i) {
    EXPECT_EQ(s.bones[i].name, avatar::kHumanoidBones[i]);
    EXPECT_LT(s.bones[i].parent, static_cast<int>(i));
  }
  EXPECT_EQ(s.bones[0].parent, -1);
  EXPECT_EQ(s.bones[avatar::find_bone(s, "LeftUpperArm")].parent,
            avatar::find_bone(s, "LeftShoulder"));
  EXPECT_EQ(s.bones[avatar::find_bone(s, "RightUpperLeg")].parent, avatar::find_bone(s, "Hips"));
  EXPECT_EQ(avatar::find_bone(s, "Tail"), -1);
}

TEST(AvatarSkeleton, RestYAxisPointsAlongTheBoneAndFramesAreRotations) {
  for (const auto& b : built_avatar().skeleton.bones) {
    const Eigen::Matrix3f& r = b.rest_rotation;
    EXPECT_TRUE((r.transpose() * r).isIdentity(1e-5f)) << b.name;
    EXPECT_NEAR(r.determinant(), 1.0f, 1e-5f) << b.name;
    EXPECT_GT(r.col(1).dot((b.tail - b.head).normalized()), 0.9999f) << b.name;
  }
}

TEST(AvatarSkeleton, LeftIsPlusXUpIsPlusYAndHeadsAreInsideTheBody) {
  const auto& a = built_avatar();
  const auto& s = a.skeleton;
  EXPECT_GT(s.bones[avatar::find_bone(s, "LeftHand")].head.x(), 0.3f);
  EXPECT_LT(s.bones[avatar::find_bone(s, "RightHand")].head.x(), -0.3f);
  EXPECT_GT(s.bones[avatar::find_bone(s, "Head")].head.y(), 1.3f);
  EXPECT_NEAR(s.bones[0].head.x(), 0.0f, 1e-4f);
  for (const auto& b : s.bones) {
    const Eigen::Vector2f px = a.rec.frame.to_pixel(b.head);
    EXPECT_TRUE(a.rec.binary_mask.at<uint8_t>(cvRound(px.y()), cvRound(px.x()))) << b.name;
  }
}

TEST(AvatarSkeleton, LocalTransformsComposeToGlobalAndInverseBindsInvertThem) {
  const auto& s = built_avatar().skeleton;
  const auto global = avatar::global_rest_transforms(s);
  const auto local = avatar::local_rest_transforms(s);
  const auto ibm = avatar::inverse_bind_matrices(s);
  for (size_t i = 0; i < s.bones.size(); ++i) {
    const int p = s.bones[i].parent;
    const Eigen::Matrix4f composed = p < 0 ? local[i].matrix() : (global[p] * local[i]).matrix();
    EXPECT_TRUE(composed.isApprox(global[i].matrix(), 1e-5f)) << s.bones[i].name;
    EXPECT_TRUE((ibm[i] * global[i].matrix()).isIdentity(1e-5f)) << s.bones[i].name;
  }
}

}  // namespace
}  // namespace am::test

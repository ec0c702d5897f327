// The avatar's skeleton: the body model's bones placed in the mesh frame, inside the body.
#include <gtest/gtest.h>

#include "avatar/skeleton.hpp"
#include "unit/avatar/avatar_fixture.hpp"

namespace am::test {
namespace {

TEST(AvatarSkeleton, LeftIsPlusXUpIsPlusYAndHeadsAreInsideTheBody) {
  const auto& a = built_avatar();
  const auto& s = a.skeleton;
  EXPECT_GT(s.head[index(Bone::LeftHand)].x(), 0.3);
  EXPECT_LT(s.head[index(Bone::RightHand)].x(), -0.3);
  EXPECT_GT(s.head[index(Bone::Head)].y(), 1.3);
  EXPECT_NEAR(s.head[index(Bone::Hips)].x(), 0.0, 1e-4);
  EXPECT_NEAR(s.head[index(Bone::Hips)].y(), a.rec.frame.hip_height, 1e-4);
  for (int b = 0; b < kBoneCount; ++b) {
    const Eigen::Vector2f px = a.rec.frame.to_pixel(avatar::bone_head(s, b));
    EXPECT_TRUE(a.rec.binary_mask.at<uint8_t>(cvRound(px.y()), cvRound(px.x())))
        << bone_name(Bone(b));
  }
}

}  // namespace
}  // namespace am::test

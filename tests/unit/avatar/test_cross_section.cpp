// Cross-section profiles (cross_section.hpp) and the depth they give the synthetic person: the
// chest is deeper in front than behind, the buttocks deeper behind, limbs round, and the head
// deeper than wide as a head is.
#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

#include "avatar/body_parts.hpp"
#include "avatar/landmarks.hpp"
#include "avatar/reconstruct.hpp"
#include "unit/avatar/avatar_fixture.hpp"

namespace am::test {
namespace {

struct DepthCase {
  SyntheticPerson person = make_synthetic_person();
  cv::Mat distance;
  std::vector<avatar::BodyPart> parts;

  DepthCase() {
    const cv::Mat mask = avatar::clean_person_mask(person.view.mask);
    cv::distanceTransform(mask, distance, cv::DIST_L2, cv::DIST_MASK_PRECISE);
    parts = avatar::make_body_parts(person.view.landmarks, person.view.world, distance, {},
                                    person.metres_per_pixel);
  }
  avatar::SurfaceDepth at(const Eigen::Vector2f& px) const {
    return avatar::surface_depth_at(parts, distance, px, 5.0f);
  }
  Eigen::Vector2f pixel(int i) const { return avatar::lm::pixel(person.view.landmarks, i); }
};

TEST(AvatarCrossSection, ProfileInterpolatesBetweenKnotsAndHoldsBeyond) {
  const avatar::CrossSectionProfile p = {{0.2f, 1.0f, 2.0f}, {0.6f, 3.0f, 0.0f}};
  EXPECT_FLOAT_EQ(avatar::profile_at(p, 0.0f).front, 1.0f);
  EXPECT_FLOAT_EQ(avatar::profile_at(p, 0.4f).front, 2.0f);
  EXPECT_FLOAT_EQ(avatar::profile_at(p, 0.4f).back, 1.0f);
  EXPECT_FLOAT_EQ(avatar::profile_at(p, 1.0f).back, 0.0f);
  EXPECT_FLOAT_EQ(avatar::profile_at(avatar::uniform_profile(0.6f), 0.7f).back, 0.6f);
}

TEST(AvatarCrossSection, ChestDeeperInFrontButtocksDeeperBehind) {
  const DepthCase c;
  const Eigen::Vector2f hips = 0.5f * (c.pixel(lm::kLeftHip) + c.pixel(lm::kRightHip));
  const Eigen::Vector2f shoulders =
      0.5f * (c.pixel(lm::kLeftShoulder) + c.pixel(lm::kRightShoulder));
  const avatar::SurfaceDepth chest = c.at(hips + 0.65f * (shoulders - hips));
  const avatar::SurfaceDepth seat = c.at(hips + 0.02f * (shoulders - hips));
  EXPECT_GT(chest.front_half_px, 1.1f * chest.back_half_px);
  EXPECT_GT(seat.back_half_px, 1.1f * seat.front_half_px);
}

TEST(AvatarCrossSection, LimbsAreRound) {
  const DepthCase c;
  const Eigen::Vector2f shin_mid = 0.5f * (c.pixel(lm::kLeftKnee) + c.pixel(lm::kLeftAnkle));
  const avatar::SurfaceDepth shin = c.at(shin_mid);
  EXPECT_NEAR(shin.front_half_px, shin.back_half_px, 1e-4f);
}

// Head depth (front to back of the mesh at the head's centre) over its width in the mask:
// 1.18-1.33 (inverse cephalic index, docs/avatar.md), widened for the capsule's blending.
TEST(AvatarCrossSection, HeadIsDeeperThanWide) {
  const auto& b = built_avatar();
  const Eigen::Vector2f ears =
      0.5f * (landmark_px(b, lm::kLeftEar) + landmark_px(b, lm::kRightEar));
  const std::vector<int> near = vertices_near(b, ears, 2.5f);
  ASSERT_FALSE(near.empty());
  float front = -1e9f, back = 1e9f;
  for (int v : near)
    front = std::max(front, b.rec.mesh.V(v, 2)), back = std::min(back, b.rec.mesh.V(v, 2));
  const cv::Mat row = b.rec.binary_mask.row(cvRound(ears.y()));
  const float width = static_cast<float>(cv::countNonZero(row)) * b.rec.frame.metres_per_pixel;
  EXPECT_GT((front - back) / width, 1.1f);
  EXPECT_LT((front - back) / width, 1.4f);
}

}  // namespace
}  // namespace am::test

// The rig of built avatars whose arms are free of the body in the photo (pifu_ryota, sith_010;
// where an arm touches the torso in the silhouette the single-view mesh joins them): rotating
// LeftUpperArm by 90 degrees about its rest Z carries the left wrist with the arm (the hand
// moves by about arm length x sqrt(2)), leaves the torso below the armpits within 1 cm and
// stretches no edge more than 3x; and the bind-pose contract with the pose stream: the .glb's
// bone rests are make_bind_pose(bind_world)'s, and bone_rotations() of the bind pose is the
// identity for every bone.
#include <gtest/gtest.h>

#include <cmath>

#include "avatar/landmarks.hpp"
#include "avatar/skeleton.hpp"
#include "avatar/skinning.hpp"
#include "body/bone_rotations.hpp"
#include "integration/builder/builder_cases.hpp"

namespace am::test {
namespace {

using namespace avatar::lm;

class RigOf : public ::testing::TestWithParam<std::string> {};

void check_upper_arm_rotation(const builder::AvatarBuild& b) {
  const int bone = index(Bone::LeftUpperArm);
  std::vector<Eigen::Quaternionf> rot(kBoneCount, Eigen::Quaternionf::Identity());
  rot[bone] = Eigen::AngleAxisf(static_cast<float>(M_PI / 2), Eigen::Vector3f::UnitZ());
  const Eigen::MatrixXf& rest = b.reconstruction.mesh.V;
  const auto posed_bones = avatar::posed_global_transforms(b.skeleton, rot);
  const Eigen::MatrixXf posed =
      avatar::linear_blend_skinning(rest, b.weights, b.skeleton, posed_bones);

  // The wrist turns rigidly with the arm about the shoulder: each vertex goes where the upper
  // arm's own motion takes it (a vertex a few cm inside the wrist, or a forearm bent out of
  // the plane of the turn, moves less than arm length x sqrt(2); the hand's head moves that).
  const Eigen::Affine3f arm_motion =
      posed_bones[bone] *
      Eigen::Affine3f(global_rest_transforms(b.skeleton)[bone].inverse().matrix().cast<float>());
  const Eigen::Vector3f pivot = avatar::bone_head(b.skeleton, bone);
  const Eigen::Vector3f hand_head = avatar::bone_head(b.skeleton, index(Bone::LeftHand));
  const float arm = (hand_head - pivot).norm();
  EXPECT_NEAR((arm_motion * hand_head - hand_head).norm(), arm * std::sqrt(2.0f), 0.15f * arm);
  const float wrist_radius = 0.04f / b.reconstruction.frame.metres_per_pixel;  // 4 cm
  const auto hand = vertices_near(b, landmark_px(b, kLeftWrist), wrist_radius);
  ASSERT_GT(hand.size(), 5u);
  for (int v : hand) {
    const Eigen::Vector3f at_rest = rest.row(v).transpose();
    EXPECT_LT((posed.row(v).transpose() - arm_motion * at_rest).norm(), 0.15f * arm)
        << "left wrist vertex " << v << " does not follow the arm";
  }

  const Eigen::Vector2f ls = landmark_px(b, kLeftShoulder), rs = landmark_px(b, kRightShoulder);
  const Eigen::Vector2f lh = landmark_px(b, kLeftHip), rh = landmark_px(b, kRightHip);
  int torso = 0;
  for (Eigen::Index v = 0; v < rest.rows(); ++v) {
    const Eigen::Vector2f px = b.reconstruction.pixels.row(v);
    // The lower two thirds of the shoulder-hip quadrilateral (above the hip line).
    const float t =
        (px.y() - 0.5f * (ls.y() + rs.y())) / (0.5f * (lh.y() + rh.y() - ls.y() - rs.y()));
    const float left = rs.x() + t * (rh.x() - rs.x()), right = ls.x() + t * (lh.x() - ls.x());
    if (t < 1.0f / 3.0f || t > 0.9f || px.x() < left || px.x() > right) continue;
    EXPECT_LT((posed.row(v) - rest.row(v)).norm(), 0.01f) << "torso vertex " << v;
    ++torso;
  }
  EXPECT_GT(torso, 100);
  const Eigen::MatrixXi& F = b.reconstruction.mesh.F;
  float worst = 0;
  for (Eigen::Index f = 0; f < F.rows(); ++f)
    for (int k = 0; k < 3; ++k) {
      const int i = F(f, k), j = F(f, (k + 1) % 3);
      worst = std::max(worst,
                       (posed.row(i) - posed.row(j)).norm() / (rest.row(i) - rest.row(j)).norm());
    }
  EXPECT_LT(worst, 3.0f) << "most stretched edge";
}

void check_bind_pose_contract(const builder::AvatarBuild& b) {
  const Landmarks world = landmark_points(b.bind_world);
  const BindPose bind = make_bind_pose(world);
  const BoneQuats q = bone_rotations(bind, world);
  for (int i = 0; i < kBoneCount; ++i) {
    const std::string name(bone_name(static_cast<Bone>(i)));
    EXPECT_LT(q[i].angularDistance(Eigen::Quaterniond::Identity()), 1e-6) << name;
    EXPECT_LT(b.skeleton.rest[i].angularDistance(bind.rest[i]), 1e-4)
        << name << ": the .glb's rest differs from the stream's bind pose";
  }
}

TEST_P(RigOf, UpperArmRotationAndBindPoseContract) {
  const builder::AvatarBuild& b = built_avatar_for(GetParam());
  check_upper_arm_rotation(b);
  check_bind_pose_contract(b);
}

INSTANTIATE_TEST_SUITE_P(Builder, RigOf, ::testing::Values("pifu_ryota", "sith_010"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace am::test

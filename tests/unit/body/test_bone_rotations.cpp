#include <cmath>
#include <random>

#include <gtest/gtest.h>

#include "avatar/skeleton.hpp"
#include "body/bone_rotations.hpp"
#include "support/synthetic_pose.hpp"

namespace am {
namespace {

using Eigen::Quaterniond;
using Eigen::Vector3d;

double angle_between(const Quaterniond& a, const Quaterniond& b) { return a.angularDistance(b); }

// A pose whose left forearm points `degrees` from the camera axis (towards the camera), turned
// about the axis by `turn`.
Landmarks forearm_near_camera_axis(Landmarks pose, double degrees, double turn) {
  const double a = degrees * M_PI / 180.0;
  const Vector3d godot_dir(std::sin(a) * std::cos(turn), std::sin(a) * std::sin(turn), std::cos(a));
  const double length = (pose[lm::kLeftWrist] - pose[lm::kLeftElbow]).norm();
  const Vector3d shift =
      pose[lm::kLeftElbow] + length * mediapipe_to_godot(godot_dir) - pose[lm::kLeftWrist];
  for (Landmark l : {lm::kLeftWrist, lm::kLeftPinky, lm::kLeftIndex, lm::kLeftThumb})
    pose[l] += shift;
  return pose;
}

// The contract between the .glb and the stream: a client sets each joint of the avatar's .glb
// skeleton (avatar::build_skeleton: node TRS = local_rest_transforms) to rest * q with the
// stream's q; every bone then points along the live pose's bone. Random bind and live poses,
// with forearms from straight at the camera to 40 degrees off it (across the rest frame's 25
// degree switch of reference axis, where two rules would disagree by 90 degrees).
TEST(BoneRotations, StreamRotationsOnTheGlbSkeletonReproduceTheLiveBoneDirections) {
  std::mt19937 rng(11);
  std::uniform_real_distribution<double> degrees(0.0, 40.0), turn(0.0, 2 * M_PI);
  std::normal_distribution<double> noise(0.0, 0.06);
  avatar::ImageToModel frame;
  frame.hip_height = 0.95f;
  for (int trial = 0; trial < 200; ++trial) {
    Landmarks bind_world = test::tpose_mediapipe();
    if (trial % 2 == 0) bind_world = forearm_near_camera_axis(bind_world, degrees(rng), turn(rng));
    Landmarks live = forearm_near_camera_axis(test::tpose_mediapipe(), degrees(rng), turn(rng));
    for (auto& p : live) p += Vector3d(noise(rng), noise(rng), noise(rng));
    const BindPose glb = avatar::build_skeleton(test::as_pose_landmarks(bind_world), frame);
    const BoneQuats q = bone_rotations(make_bind_pose(bind_world), live);
    const auto local = local_rest_transforms(glb);
    const BoneSegments want = bone_segments(mediapipe_to_godot(live));
    std::array<Quaterniond, kBoneCount> global;
    for (int b = 0; b < kBoneCount; ++b) {
      const auto parent = bone_parent(static_cast<Bone>(b));
      const Quaterniond node = Quaterniond(local[b].linear()) * q[b];
      global[b] = parent ? global[index(*parent)] * node : node;
      const Vector3d dir = (want[b].tail - want[b].head).normalized();
      EXPECT_LT((global[b] * Vector3d::UnitY() - dir).norm(), 1e-6)
          << bone_name(Bone(b)) << " trial " << trial;
    }
  }
}

TEST(BoneRotations, MediapipeToGodotFlipsYAndZ) {
  EXPECT_TRUE(mediapipe_to_godot(Vector3d(1, 2, 3)).isApprox(Vector3d(1, -2, -3)));
}

TEST(BoneRotations, BindPoseRestFramesPointAlongBones) {
  const BindPose bind = make_bind_pose(test::tpose_mediapipe());
  for (int b = 0; b < kBoneCount; ++b) {
    const Vector3d along = (bind.tail[b] - bind.head[b]).normalized();
    EXPECT_LT((bind.rest[b] * Vector3d::UnitY() - along).norm(), 1e-9) << bone_name(Bone(b));
  }
  EXPECT_GT(bind.head[index(Bone::LeftUpperArm)].x(), 0.0) << "the avatar's left is +X";
  EXPECT_GT(bind.head[index(Bone::Head)].y(), bind.head[index(Bone::Hips)].y()) << "Y is up";
}

TEST(BoneRotations, IdentityWhenPoseIsBind) {
  const Landmarks tpose = test::tpose_mediapipe();
  const BoneQuats q = bone_rotations(make_bind_pose(tpose), tpose);
  for (int b = 0; b < kBoneCount; ++b) {
    EXPECT_LT(angle_between(q[b], Quaterniond::Identity()), 1e-9) << bone_name(Bone(b));
  }
}

TEST(BoneRotations, NinetyDegreeElbowBendTurnsOnlyTheLowerArm) {
  const Landmarks tpose = test::tpose_mediapipe();
  const BindPose bind = make_bind_pose(tpose);
  Landmarks bent = tpose;
  // Forearm from pointing left (+X) to pointing forward (+Z) in Godot coordinates.
  const Vector3d elbow = bind.points[lm::kLeftElbow];
  bent[lm::kLeftWrist] = mediapipe_to_godot(Vector3d(elbow + Vector3d(0, 0, 0.25)));
  const BoneQuats q = bone_rotations(bind, bent);
  // The forearm's rest frame has +X = world -Y, so a turn about world -Y is one about local +X.
  const Quaterniond expected(Eigen::AngleAxisd(M_PI / 2, Vector3d::UnitX()));
  EXPECT_LT(angle_between(q[index(Bone::LeftLowerArm)], expected), 1e-9);
  EXPECT_LT(angle_between(q[index(Bone::LeftUpperArm)], Quaterniond::Identity()), 1e-9);
  EXPECT_LT(angle_between(q[index(Bone::RightLowerArm)], Quaterniond::Identity()), 1e-9);
}

TEST(BoneRotations, ForwardKinematicsReproducesBoneDirectionsOfAnyPose) {
  const BindPose bind = make_bind_pose(test::tpose_mediapipe());
  std::mt19937 rng(7);
  std::normal_distribution<double> noise(0.0, 0.08);
  for (int trial = 0; trial < 50; ++trial) {
    Landmarks pose = test::tpose_mediapipe();
    for (auto& p : pose) p += Vector3d(noise(rng), noise(rng), noise(rng));
    const BoneQuats q = bone_rotations(bind, pose);
    const PosedSkeleton posed = forward_kinematics(bind, q);
    const BindPose target = make_bind_pose(pose);  // head/tail of each bone in the target
    for (int b = 0; b < kBoneCount; ++b) {
      EXPECT_NEAR(q[b].norm(), 1.0, 1e-12);
      EXPECT_GE(q[b].w(), 0.0);
      const Vector3d want = (target.tail[b] - target.head[b]).normalized();
      EXPECT_LT((posed.global[b] * Vector3d::UnitY() - want).norm(), 1e-4)
          << bone_name(Bone(b)) << " trial " << trial;
    }
  }
}

TEST(BoneRotations, RigidlyPosedSkeletonIsReproducedJointForJoint) {
  const BindPose bind = make_bind_pose(test::tpose_mediapipe());
  for (double phase : {0.0, 0.2, 0.45, 0.8}) {
    const Landmarks pose = test::posed_landmarks(bind, test::wave_rotations(phase));
    const PosedSkeleton posed = forward_kinematics(bind, bone_rotations(bind, pose));
    for (Landmark l :
         {lm::kLeftElbow, lm::kLeftWrist, lm::kRightWrist, lm::kLeftKnee, lm::kLeftAnkle}) {
      const Vector3d want = mediapipe_to_godot(pose[static_cast<int>(l)]);
      const int bone =
          index(test::landmark_owner(static_cast<int>(l))) + 1;  // the next bone's head
      EXPECT_LT((posed.head[bone] - want).norm(), 1e-9) << landmark_names()[static_cast<int>(l)];
    }
  }
}

}  // namespace
}  // namespace am

#include <random>

#include <gtest/gtest.h>

#include "avatar/skeleton.hpp"
#include "stream/bone_rotations.hpp"
#include "support/synthetic_pose.hpp"

namespace am {
namespace {

using Eigen::Quaterniond;
using Eigen::Vector3d;

int idx(Bone b) { return static_cast<int>(b); }

double angle_between(const Quaterniond& a, const Quaterniond& b) { return a.angularDistance(b); }

// The .glb's skeleton (am::avatar) and the stream's bind pose must give a bone the same rest
// frame, or a client applying rest * q twists it. Forearms from straight at the camera to
// sideways, in 0.25 degree steps, cross the 25 degree switch of the rest frame's reference axis
// (between steps: exactly on the switch, float and double may round to different sides).
TEST(BoneRotations, StreamAndGlbSkeletonAgreeOnRestFramesNearTheCameraAxis) {
  const Landmarks tpose = test::tpose_mediapipe();
  const int elbow = static_cast<int>(Landmark::left_elbow);
  const int wrist = static_cast<int>(Landmark::left_wrist);
  const double length = (tpose[wrist] - tpose[elbow]).norm();
  for (double degrees = 0.125; degrees <= 90.0; degrees += 0.25) {
    const double a = degrees * M_PI / 180.0;
    for (const Vector3d godot_dir :
         {Vector3d(std::sin(a), 0, std::cos(a)), Vector3d(0, std::sin(a), -std::cos(a))}) {
      Landmarks pose = tpose;
      pose[wrist] = pose[elbow] + length * mediapipe_to_godot(godot_dir);
      const BindPose bind = make_bind_pose(pose);
      const int b = idx(Bone::LeftLowerArm);
      const Eigen::Matrix3f glb =
          avatar::rest_rotation_for(bind.head[b].cast<float>(), bind.tail[b].cast<float>());
      const Eigen::Matrix3d stream = bind.rest[b].toRotationMatrix();
      EXPECT_LT((glb.cast<double>() - stream).norm(), 1e-5)
          << "forearm " << degrees << " degrees from the camera axis";
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
  EXPECT_GT(bind.head[idx(Bone::LeftUpperArm)].x(), 0.0) << "the avatar's left is +X";
  EXPECT_GT(bind.head[idx(Bone::Head)].y(), bind.head[idx(Bone::Hips)].y()) << "Y is up";
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
  const Vector3d elbow = bind.points[static_cast<int>(Landmark::left_elbow)];
  bent[static_cast<int>(Landmark::left_wrist)] =
      mediapipe_to_godot(Vector3d(elbow + Vector3d(0, 0, 0.25)));
  const BoneQuats q = bone_rotations(bind, bent);
  // The forearm's rest frame has +X = world -Y, so a turn about world -Y is one about local +X.
  const Quaterniond expected(Eigen::AngleAxisd(M_PI / 2, Vector3d::UnitX()));
  EXPECT_LT(angle_between(q[idx(Bone::LeftLowerArm)], expected), 1e-9);
  EXPECT_LT(angle_between(q[idx(Bone::LeftUpperArm)], Quaterniond::Identity()), 1e-9);
  EXPECT_LT(angle_between(q[idx(Bone::RightLowerArm)], Quaterniond::Identity()), 1e-9);
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
    for (Landmark l : {Landmark::left_elbow, Landmark::left_wrist, Landmark::right_wrist,
                       Landmark::left_knee, Landmark::left_ankle}) {
      const Vector3d want = mediapipe_to_godot(pose[static_cast<int>(l)]);
      const int bone = idx(test::landmark_owner(static_cast<int>(l))) + 1;  // the next bone's head
      EXPECT_LT((posed.head[bone] - want).norm(), 1e-9) << landmark_names()[static_cast<int>(l)];
    }
  }
}

}  // namespace
}  // namespace am

// Synthetic skeletons for the stream tests and benchmark: a T-pose in MediaPipe world coordinates
// and poses made by rotating bones of a bind pose, moving every landmark rigidly with the bone it
// belongs to (so bone lengths are kept and forward kinematics must land on the landmarks).
// Header-only.
#pragma once

#include <cmath>

#include "body/bind_pose.hpp"

namespace am::test {

using Eigen::AngleAxisd;
using Eigen::Quaterniond;
using Eigen::Vector3d;

// glTF/Godot coordinates (Y up, facing +Z, left is +X); converted to MediaPipe's at the end.
// Points as landmarks with visibility and presence 1.
inline PoseLandmarks as_pose_landmarks(const Landmarks& points) {
  PoseLandmarks out{};
  for (int i = 0; i < kLandmarkCount; ++i)
    out[i] = {static_cast<float>(points[i].x()), static_cast<float>(points[i].y()),
              static_cast<float>(points[i].z()), 1, 1};
  return out;
}

inline Landmarks tpose_mediapipe() {
  Landmarks g;
  const auto set = [&](Landmark l, double x, double y, double z) {
    g[static_cast<int>(l)] = {x, y, z};
  };
  const auto both = [&](Landmark left, Landmark right, double x, double y, double z) {
    set(left, x, y, z);
    set(right, -x, y, z);
  };
  set(lm::kNose, 0.0, 0.72, 0.1);
  both(lm::kLeftEyeInner, lm::kRightEyeInner, 0.015, 0.75, 0.085);
  both(lm::kLeftEye, lm::kRightEye, 0.03, 0.75, 0.08);
  both(lm::kLeftEyeOuter, lm::kRightEyeOuter, 0.045, 0.75, 0.075);
  both(lm::kLeftEar, lm::kRightEar, 0.075, 0.72, -0.02);
  both(lm::kMouthLeft, lm::kMouthRight, 0.025, 0.66, 0.08);
  both(lm::kLeftShoulder, lm::kRightShoulder, 0.18, 0.5, 0.0);
  both(lm::kLeftElbow, lm::kRightElbow, 0.45, 0.5, 0.0);
  both(lm::kLeftWrist, lm::kRightWrist, 0.7, 0.5, 0.0);
  both(lm::kLeftIndex, lm::kRightIndex, 0.8, 0.5, 0.03);
  both(lm::kLeftPinky, lm::kRightPinky, 0.78, 0.5, -0.03);
  both(lm::kLeftThumb, lm::kRightThumb, 0.75, 0.5, 0.06);
  both(lm::kLeftHip, lm::kRightHip, 0.1, 0.0, 0.0);
  both(lm::kLeftKnee, lm::kRightKnee, 0.1, -0.45, 0.02);
  both(lm::kLeftAnkle, lm::kRightAnkle, 0.1, -0.88, 0.0);
  both(lm::kLeftHeel, lm::kRightHeel, 0.1, -0.93, -0.05);
  both(lm::kLeftFootIndex, lm::kRightFootIndex, 0.1, -0.95, 0.12);
  return mediapipe_to_godot(g);  // the conversion is its own inverse
}

// The bone whose rigid motion carries each landmark.
inline Bone landmark_owner(int landmark) {
  switch (static_cast<Landmark>(landmark)) {
    case lm::kLeftShoulder:
      return Bone::LeftShoulder;
    case lm::kRightShoulder:
      return Bone::RightShoulder;
    case lm::kLeftElbow:
      return Bone::LeftUpperArm;
    case lm::kRightElbow:
      return Bone::RightUpperArm;
    case lm::kLeftWrist:
      return Bone::LeftLowerArm;
    case lm::kRightWrist:
      return Bone::RightLowerArm;
    case lm::kLeftIndex:
    case lm::kLeftPinky:
    case lm::kLeftThumb:
      return Bone::LeftHand;
    case lm::kRightIndex:
    case lm::kRightPinky:
    case lm::kRightThumb:
      return Bone::RightHand;
    case lm::kLeftHip:
    case lm::kRightHip:
      return Bone::Hips;
    case lm::kLeftKnee:
      return Bone::LeftUpperLeg;
    case lm::kRightKnee:
      return Bone::RightUpperLeg;
    case lm::kLeftAnkle:
      return Bone::LeftLowerLeg;
    case lm::kRightAnkle:
      return Bone::RightLowerLeg;
    case lm::kLeftHeel:
    case lm::kLeftFootIndex:
      return Bone::LeftFoot;
    case lm::kRightHeel:
    case lm::kRightFootIndex:
      return Bone::RightFoot;
    default:
      return Bone::Head;
  }
}

inline BoneQuats identity_rotations() {
  BoneQuats q;
  q.fill(Quaterniond::Identity());
  return q;
}

// MediaPipe world landmarks of the bind skeleton posed with `local` rotations.
inline Landmarks posed_landmarks(const BindPose& bind, const BoneQuats& local) {
  const PosedSkeleton posed = forward_kinematics(bind, local);
  Landmarks out;
  for (int i = 0; i < kLandmarkCount; ++i) {
    const int b = static_cast<int>(landmark_owner(i));
    const Vector3d godot = posed.head[b] + posed.global[b] * bind.rest[b].conjugate() *
                                               (bind.points[i] - bind.head[b]);
    out[i] = mediapipe_to_godot(godot);
  }
  return out;
}

// Local rotation about a bone's own axis (bone-local coordinates).
inline Quaterniond local_turn(double radians, const Vector3d& axis) {
  return Quaterniond(AngleAxisd(radians, axis.normalized()));
}

// A waving left arm (upper arm raised, forearm swinging) at `phase` in [0, 1).
inline BoneQuats wave_rotations(double phase) {
  BoneQuats q = identity_rotations();
  const double swing = std::sin(phase * 2.0 * M_PI);
  q[static_cast<int>(Bone::LeftUpperArm)] = local_turn(0.5, Vector3d::UnitZ());
  q[static_cast<int>(Bone::LeftLowerArm)] = local_turn(0.8 + 0.5 * swing, Vector3d::UnitZ());
  q[static_cast<int>(Bone::RightUpperArm)] = local_turn(1.2, Vector3d::UnitZ());
  q[static_cast<int>(Bone::LeftUpperLeg)] = local_turn(0.3 * swing, Vector3d::UnitX());
  return q;
}

}  // namespace am::test

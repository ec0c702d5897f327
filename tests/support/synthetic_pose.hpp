// Synthetic skeletons for the stream tests and benchmark: a T-pose in MediaPipe world coordinates
// and poses made by rotating bones of a bind pose, moving every landmark rigidly with the bone it
// belongs to (so bone lengths are kept and forward kinematics must land on the landmarks).
// Header-only.
#pragma once

#include <cmath>

#include "stream/bone_rotations.hpp"

namespace am::test {

using Eigen::AngleAxisd;
using Eigen::Quaterniond;
using Eigen::Vector3d;

// glTF/Godot coordinates (Y up, facing +Z, left is +X); converted to MediaPipe's at the end.
inline Landmarks tpose_mediapipe() {
  using L = Landmark;
  Landmarks g;
  const auto set = [&](L l, double x, double y, double z) { g[static_cast<int>(l)] = {x, y, z}; };
  const auto both = [&](L left, L right, double x, double y, double z) {
    set(left, x, y, z);
    set(right, -x, y, z);
  };
  set(L::nose, 0.0, 0.72, 0.1);
  both(L::left_eye_inner, L::right_eye_inner, 0.015, 0.75, 0.085);
  both(L::left_eye, L::right_eye, 0.03, 0.75, 0.08);
  both(L::left_eye_outer, L::right_eye_outer, 0.045, 0.75, 0.075);
  both(L::left_ear, L::right_ear, 0.075, 0.72, -0.02);
  both(L::mouth_left, L::mouth_right, 0.025, 0.66, 0.08);
  both(L::left_shoulder, L::right_shoulder, 0.18, 0.5, 0.0);
  both(L::left_elbow, L::right_elbow, 0.45, 0.5, 0.0);
  both(L::left_wrist, L::right_wrist, 0.7, 0.5, 0.0);
  both(L::left_index, L::right_index, 0.8, 0.5, 0.03);
  both(L::left_pinky, L::right_pinky, 0.78, 0.5, -0.03);
  both(L::left_thumb, L::right_thumb, 0.75, 0.5, 0.06);
  both(L::left_hip, L::right_hip, 0.1, 0.0, 0.0);
  both(L::left_knee, L::right_knee, 0.1, -0.45, 0.02);
  both(L::left_ankle, L::right_ankle, 0.1, -0.88, 0.0);
  both(L::left_heel, L::right_heel, 0.1, -0.93, -0.05);
  both(L::left_foot_index, L::right_foot_index, 0.1, -0.95, 0.12);
  return mediapipe_to_godot(g);  // the conversion is its own inverse
}

// The bone whose rigid motion carries each landmark.
inline Bone landmark_owner(int landmark) {
  using L = Landmark;
  switch (static_cast<L>(landmark)) {
    case L::left_shoulder:
      return Bone::LeftShoulder;
    case L::right_shoulder:
      return Bone::RightShoulder;
    case L::left_elbow:
      return Bone::LeftUpperArm;
    case L::right_elbow:
      return Bone::RightUpperArm;
    case L::left_wrist:
      return Bone::LeftLowerArm;
    case L::right_wrist:
      return Bone::RightLowerArm;
    case L::left_index:
    case L::left_pinky:
    case L::left_thumb:
      return Bone::LeftHand;
    case L::right_index:
    case L::right_pinky:
    case L::right_thumb:
      return Bone::RightHand;
    case L::left_hip:
    case L::right_hip:
      return Bone::Hips;
    case L::left_knee:
      return Bone::LeftUpperLeg;
    case L::right_knee:
      return Bone::RightUpperLeg;
    case L::left_ankle:
      return Bone::LeftLowerLeg;
    case L::right_ankle:
      return Bone::RightLowerLeg;
    case L::left_heel:
    case L::left_foot_index:
      return Bone::LeftFoot;
    case L::right_heel:
    case L::right_foot_index:
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

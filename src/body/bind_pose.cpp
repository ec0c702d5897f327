#include "body/bind_pose.hpp"

#include "body/rest_frame.hpp"

namespace am {

using Eigen::Quaterniond;
using Eigen::Vector3d;

namespace {

const Vector3d& at(const Landmarks& p, Landmark l) { return p[l]; }
Vector3d mid(const Landmarks& p, Landmark a, Landmark b) { return 0.5 * (at(p, a) + at(p, b)); }
BoneSegment& of(BoneSegments& s, Bone b) { return s[index(b)]; }
Bone next(Bone b, int n) { return static_cast<Bone>(index(b) + n); }

// Shoulder, upper arm, lower arm and hand of side s (0 left, 1 right).
void set_arm(BoneSegments& s, const Landmarks& p, int side_index, const Vector3d& neck) {
  const Bone first = side_index == 0 ? Bone::LeftShoulder : Bone::RightShoulder;
  const auto l = [&](Landmark left) { return side(left, side_index); };
  const Vector3d knuckles = mid(p, l(lm::kLeftIndex), l(lm::kLeftPinky));
  of(s, first) = {neck, at(p, l(lm::kLeftShoulder)), std::nullopt};
  of(s, next(first, 1)) = {at(p, l(lm::kLeftShoulder)), at(p, l(lm::kLeftElbow)), std::nullopt};
  of(s, next(first, 2)) = {at(p, l(lm::kLeftElbow)), at(p, l(lm::kLeftWrist)), std::nullopt};
  of(s, next(first, 3)) = {at(p, l(lm::kLeftWrist)), knuckles,
                           Vector3d(at(p, l(lm::kLeftIndex)) - at(p, l(lm::kLeftPinky)))};
}

// Upper leg, lower leg, foot and toes of side s; the toes reach 30 % of the foot's length past
// the foot index landmark, along the heel-to-toe line.
void set_leg(BoneSegments& s, const Landmarks& p, int side_index) {
  const Bone first = side_index == 0 ? Bone::LeftUpperLeg : Bone::RightUpperLeg;
  const auto l = [&](Landmark left) { return at(p, side(left, side_index)); };
  const Vector3d toe_tip = l(lm::kLeftHeel) + 1.3 * (l(lm::kLeftFootIndex) - l(lm::kLeftHeel));
  of(s, first) = {l(lm::kLeftHip), l(lm::kLeftKnee), std::nullopt};
  of(s, next(first, 1)) = {l(lm::kLeftKnee), l(lm::kLeftAnkle), std::nullopt};
  of(s, next(first, 2)) = {l(lm::kLeftAnkle), l(lm::kLeftFootIndex),
                           Vector3d(l(lm::kLeftAnkle) - l(lm::kLeftHeel))};
  of(s, next(first, 3)) = {l(lm::kLeftFootIndex), toe_tip, std::nullopt};
}

}  // namespace

Landmarks landmark_points(const PoseLandmarks& world) {
  Landmarks out;
  for (int i = 0; i < kLandmarkCount; ++i) out[i] = Vector3d(world[i].x, world[i].y, world[i].z);
  return out;
}

Vector3d mediapipe_to_godot(const Vector3d& p) { return {p.x(), -p.y(), -p.z()}; }

Landmarks mediapipe_to_godot(const Landmarks& mediapipe) {
  Landmarks out;
  for (int i = 0; i < kLandmarkCount; ++i) out[i] = mediapipe_to_godot(mediapipe[i]);
  return out;
}

BoneSegments bone_segments(const Landmarks& p) {
  const Vector3d hips = mid(p, lm::kLeftHip, lm::kRightHip);
  const Vector3d neck = mid(p, lm::kLeftShoulder, lm::kRightShoulder);
  const Vector3d head = 0.5 * (neck + mid(p, lm::kLeftEar, lm::kRightEar));
  const Vector3d hip_axis = at(p, lm::kLeftHip) - at(p, lm::kRightHip);
  const Vector3d shoulder_axis = at(p, lm::kLeftShoulder) - at(p, lm::kRightShoulder);
  const auto torso = [&](double t) { return Vector3d(hips + t * (neck - hips)); };
  BoneSegments s;
  of(s, Bone::Hips) = {hips, torso(0.25), hip_axis};
  of(s, Bone::Spine) = {torso(0.25), torso(0.5), Vector3d(hip_axis + shoulder_axis)};
  of(s, Bone::Chest) = {torso(0.5), torso(0.75), shoulder_axis};
  of(s, Bone::UpperChest) = {torso(0.75), neck, shoulder_axis};
  of(s, Bone::Neck) = {neck, head, std::nullopt};
  of(s, Bone::Head) = {head, mid(p, lm::kLeftEye, lm::kRightEye),
                       Vector3d(at(p, lm::kLeftEar) - at(p, lm::kRightEar))};
  for (int side_index = 0; side_index < 2; ++side_index) {
    set_arm(s, p, side_index, neck);
    set_leg(s, p, side_index);
  }
  return s;
}

BindPose make_bind_pose(const Landmarks& mediapipe_bind, const Vector3d& hips) {
  BindPose bind;
  bind.points = mediapipe_to_godot(mediapipe_bind);
  const Vector3d shift = hips - mid(bind.points, lm::kLeftHip, lm::kRightHip);
  for (Vector3d& p : bind.points) p += shift;
  const BoneSegments s = bone_segments(bind.points);
  for (int b = 0; b < kBoneCount; ++b) {
    bind.head[b] = s[b].head;
    bind.tail[b] = s[b].tail;
    bind.rest[b] = Quaterniond(rest_frame(Vector3d(s[b].tail - s[b].head))).normalized();
  }
  return bind;
}

std::array<Eigen::Isometry3d, kBoneCount> global_rest_transforms(const BindPose& bind) {
  std::array<Eigen::Isometry3d, kBoneCount> g;
  for (int b = 0; b < kBoneCount; ++b) {
    g[b] = Eigen::Isometry3d::Identity();
    g[b].linear() = bind.rest[b].toRotationMatrix();
    g[b].translation() = bind.head[b];
  }
  return g;
}

std::array<Eigen::Isometry3d, kBoneCount> local_rest_transforms(const BindPose& bind) {
  const auto global = global_rest_transforms(bind);
  std::array<Eigen::Isometry3d, kBoneCount> local;
  for (int b = 0; b < kBoneCount; ++b) {
    const auto parent = bone_parent(static_cast<Bone>(b));
    local[b] = parent ? Eigen::Isometry3d(global[index(*parent)].inverse() * global[b]) : global[b];
  }
  return local;
}

PosedSkeleton forward_kinematics(const BindPose& bind, const BoneQuats& local) {
  PosedSkeleton posed;
  for (int b = 0; b < kBoneCount; ++b) {
    const auto parent = bone_parent(static_cast<Bone>(b));
    if (!parent) {
      posed.global[b] = (bind.rest[b] * local[b]).normalized();
      posed.head[b] = bind.head[b];
      continue;
    }
    const int p = index(*parent);
    const Quaterniond to_posed_parent = posed.global[p] * bind.rest[p].conjugate();
    posed.global[b] = (to_posed_parent * bind.rest[b] * local[b]).normalized();
    posed.head[b] = posed.head[p] + to_posed_parent * (bind.head[b] - bind.head[p]);
  }
  return posed;
}

}  // namespace am

#include "body/bone_rotations.hpp"

#include <optional>

namespace am {

using Eigen::Matrix3d;
using Eigen::Quaterniond;
using Eigen::Vector3d;

namespace {

constexpr double kTiny = 1e-9;

// Orthonormal frame with +Y along `y` and +X as close to `x_hint` as possible.
std::optional<Matrix3d> frame(const Vector3d& y, const Vector3d& x_hint) {
  if (y.norm() < kTiny) return std::nullopt;
  const Vector3d yn = y.normalized();
  const Vector3d x = x_hint - x_hint.dot(yn) * yn;
  if (x.norm() < 1e-6 * x_hint.norm() || x.norm() < kTiny) return std::nullopt;
  Matrix3d m;
  m.col(0) = x.normalized();
  m.col(1) = yn;
  m.col(2) = m.col(0).cross(yn);
  return m;
}

Quaterniond swing(const Vector3d& from, const Vector3d& to) {
  if (from.norm() < kTiny || to.norm() < kTiny) return Quaterniond::Identity();
  return Quaterniond::FromTwoVectors(from, to);
}

// World-space rotation taking the bind bone to the live bone.
Quaterniond world_delta(const BoneSegment& bind, const BoneSegment& live,
                        const Quaterniond& parent) {
  if (bind.lateral && live.lateral) {
    const auto fb = frame(bind.tail - bind.head, *bind.lateral);
    const auto fl = frame(live.tail - live.head, *live.lateral);
    if (fb && fl) return Quaterniond(Matrix3d(*fl * fb->transpose())).normalized();
  }
  return (swing(parent * (bind.tail - bind.head), live.tail - live.head) * parent).normalized();
}

Quaterniond canonical(Quaterniond q) {
  q.normalize();
  if (q.w() < 0) q.coeffs() *= -1.0;
  return q;
}

}  // namespace

BoneQuats bone_rotations(const BindPose& bind, const Landmarks& mediapipe_pose) {
  const BoneSegments bind_seg = bone_segments(bind.points);
  const BoneSegments live_seg = bone_segments(mediapipe_to_godot(mediapipe_pose));
  BoneQuats delta;
  BoneQuats local;
  for (int b = 0; b < kBoneCount; ++b) {
    const auto parent = bone_parent(static_cast<Bone>(b));
    const Quaterniond parent_delta = parent ? delta[index(*parent)] : Quaterniond::Identity();
    delta[b] = world_delta(bind_seg[b], live_seg[b], parent_delta);
    local[b] =
        canonical(bind.rest[b].conjugate() * parent_delta.conjugate() * delta[b] * bind.rest[b]);
  }
  return local;
}

}  // namespace am

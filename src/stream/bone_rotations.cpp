#include "stream/bone_rotations.hpp"

#include <optional>

#include "core/rest_frame.hpp"

namespace am {

using Eigen::Matrix3d;
using Eigen::Quaterniond;
using Eigen::Vector3d;

namespace {

constexpr double kTiny = 1e-9;

int idx(Bone b) { return static_cast<int>(b); }
const Vector3d& at(const Landmarks& p, Landmark l) { return p[static_cast<int>(l)]; }
Vector3d mid(const Landmarks& p, Landmark a, Landmark b) { return 0.5 * (at(p, a) + at(p, b)); }

// One bone as the landmarks place it: head, tail and, where the landmarks fix the bone's twist,
// a lateral reference direction.
struct Segment {
  Vector3d head, tail;
  std::optional<Vector3d> lateral;
};
using Segments = std::array<Segment, kBoneCount>;

void set_limb(Segments& s, const Landmarks& p, Bone shoulder, Bone upper, Bone lower, Bone hand,
              Landmark sh, Landmark el, Landmark wr, Landmark index, Landmark pinky,
              const Vector3d& neck_base) {
  const Vector3d knuckles = mid(p, index, pinky);
  s[idx(shoulder)] = {neck_base, at(p, sh), std::nullopt};
  s[idx(upper)] = {at(p, sh), at(p, el), std::nullopt};
  s[idx(lower)] = {at(p, el), at(p, wr), std::nullopt};
  s[idx(hand)] = {at(p, wr), knuckles, Vector3d(at(p, index) - at(p, pinky))};
}

void set_leg(Segments& s, const Landmarks& p, Bone upper, Bone lower, Bone foot, Landmark hip,
             Landmark knee, Landmark ankle, Landmark heel, Landmark toe) {
  s[idx(upper)] = {at(p, hip), at(p, knee), std::nullopt};
  s[idx(lower)] = {at(p, knee), at(p, ankle), std::nullopt};
  s[idx(foot)] = {at(p, ankle), at(p, toe), Vector3d(at(p, ankle) - at(p, heel))};
}

Segments segments(const Landmarks& p) {
  using L = Landmark;
  const Vector3d hips = mid(p, L::left_hip, L::right_hip);
  const Vector3d neck = mid(p, L::left_shoulder, L::right_shoulder);
  const Vector3d head = 0.5 * (neck + mid(p, L::left_ear, L::right_ear));
  const Vector3d hip_axis = at(p, L::left_hip) - at(p, L::right_hip);
  const Vector3d shoulder_axis = at(p, L::left_shoulder) - at(p, L::right_shoulder);
  const auto torso = [&](double t) { return Vector3d(hips + t * (neck - hips)); };
  Segments s;
  s[idx(Bone::Hips)] = {hips, torso(0.25), hip_axis};
  s[idx(Bone::Spine)] = {torso(0.25), torso(0.5), Vector3d(hip_axis + shoulder_axis)};
  s[idx(Bone::Chest)] = {torso(0.5), torso(0.75), shoulder_axis};
  s[idx(Bone::UpperChest)] = {torso(0.75), neck, shoulder_axis};
  s[idx(Bone::Neck)] = {neck, head, std::nullopt};
  s[idx(Bone::Head)] = {head, mid(p, L::left_eye, L::right_eye),
                        Vector3d(at(p, L::left_ear) - at(p, L::right_ear))};
  set_limb(s, p, Bone::LeftShoulder, Bone::LeftUpperArm, Bone::LeftLowerArm, Bone::LeftHand,
           L::left_shoulder, L::left_elbow, L::left_wrist, L::left_index, L::left_pinky, neck);
  set_limb(s, p, Bone::RightShoulder, Bone::RightUpperArm, Bone::RightLowerArm, Bone::RightHand,
           L::right_shoulder, L::right_elbow, L::right_wrist, L::right_index, L::right_pinky, neck);
  set_leg(s, p, Bone::LeftUpperLeg, Bone::LeftLowerLeg, Bone::LeftFoot, L::left_hip, L::left_knee,
          L::left_ankle, L::left_heel, L::left_foot_index);
  set_leg(s, p, Bone::RightUpperLeg, Bone::RightLowerLeg, Bone::RightFoot, L::right_hip,
          L::right_knee, L::right_ankle, L::right_heel, L::right_foot_index);
  return s;
}

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

Quaterniond rest_rotation(const Vector3d& dir) { return Quaterniond(rest_frame(dir)).normalized(); }

Quaterniond swing(const Vector3d& from, const Vector3d& to) {
  if (from.norm() < kTiny || to.norm() < kTiny) return Quaterniond::Identity();
  return Quaterniond::FromTwoVectors(from, to);
}

// World-space rotation taking the bind bone to the live bone.
Quaterniond world_delta(const Segment& bind, const Segment& live, const Quaterniond& parent) {
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

Vector3d mediapipe_to_godot(const Vector3d& p) { return {p.x(), -p.y(), -p.z()}; }

Landmarks mediapipe_to_godot(const Landmarks& mediapipe) {
  Landmarks out;
  for (int i = 0; i < kLandmarkCount; ++i) out[i] = mediapipe_to_godot(mediapipe[i]);
  return out;
}

BindPose make_bind_pose(const Landmarks& mediapipe_bind) {
  BindPose bind;
  bind.points = mediapipe_to_godot(mediapipe_bind);
  const Segments s = segments(bind.points);
  for (int b = 0; b < kBoneCount; ++b) {
    bind.head[b] = s[b].head;
    bind.tail[b] = s[b].tail;
    bind.rest[b] = rest_rotation(s[b].tail - s[b].head);
  }
  return bind;
}

BoneQuats bone_rotations(const BindPose& bind, const Landmarks& mediapipe_pose) {
  const Segments bind_seg = segments(bind.points);
  const Segments live_seg = segments(mediapipe_to_godot(mediapipe_pose));
  BoneQuats delta;
  BoneQuats local;
  for (int b = 0; b < kBoneCount; ++b) {
    const auto parent = bone_parent(static_cast<Bone>(b));
    const Quaterniond parent_delta = parent ? delta[idx(*parent)] : Quaterniond::Identity();
    delta[b] = world_delta(bind_seg[b], live_seg[b], parent_delta);
    local[b] =
        canonical(bind.rest[b].conjugate() * parent_delta.conjugate() * delta[b] * bind.rest[b]);
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
    const int p = idx(*parent);
    const Quaterniond to_posed_parent = posed.global[p] * bind.rest[p].conjugate();
    posed.global[b] = (to_posed_parent * bind.rest[b] * local[b]).normalized();
    posed.head[b] = posed.head[p] + to_posed_parent * (bind.head[b] - bind.head[p]);
  }
  return posed;
}

}  // namespace am

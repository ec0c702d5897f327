#include "stream/vmc.hpp"

namespace am {

namespace {

using Eigen::Quaterniond;
using Eigen::Vector3d;

// Hips sit at the bind legs' length above the ground, the receiver's root.
double hip_height(const BindPose& bind) {
  const auto length = [&](Bone b) {
    return (bind.tail[static_cast<int>(b)] - bind.head[static_cast<int>(b)]).norm();
  };
  return length(Bone::LeftUpperLeg) + length(Bone::LeftLowerLeg);
}

std::vector<float> floats(const Vector3d& p, const Quaterniond& q) {
  return {float(p.x()), float(p.y()), float(p.z()), float(q.x()),
          float(q.y()), float(q.z()), float(q.w())};
}

OscMessage pos_message(const std::string& address, const std::string& name, const Vector3d& p,
                       const Quaterniond& q) {
  OscMessage m{address, {name}};
  for (const float f : floats(p, q)) m.arguments.emplace_back(f);
  return m;
}

}  // namespace

Vector3d tpose_direction(Bone bone) {
  const std::string_view name = bone_name(bone);
  if (name.ends_with("Foot")) return Vector3d::UnitZ();
  if (name.ends_with("Leg")) return -Vector3d::UnitY();
  const bool arm = name.ends_with("Shoulder") || name.ends_with("Arm") || name.ends_with("Hand");
  if (arm) return Vector3d(name.starts_with("Left") ? 1.0 : -1.0, 0.0, 0.0);
  return Vector3d::UnitY();
}

Vector3d godot_to_unity(const Vector3d& p) { return {-p.x(), p.y(), p.z()}; }

Quaterniond godot_to_unity(const Quaterniond& q) { return {q.w(), q.x(), -q.y(), -q.z()}; }

BoneQuats tpose_to_bind(const BindPose& bind) {
  BoneQuats out;
  for (int b = 0; b < kBoneCount; ++b) {
    out[b] = Quaterniond::FromTwoVectors(tpose_direction(static_cast<Bone>(b)),
                                         bind.tail[b] - bind.head[b]);
  }
  return out;
}

VmcPose vmc_pose(const BindPose& bind, const BoneQuats& local) {
  const PosedSkeleton posed = forward_kinematics(bind, local);
  const BoneQuats to_bind = tpose_to_bind(bind);
  BoneQuats world;  // T-pose bone -> live bone, world axes
  VmcPose out;
  for (int b = 0; b < kBoneCount; ++b) {
    world[b] = posed.global[b] * bind.rest[b].inverse() * to_bind[b];
    const auto parent = bone_parent(static_cast<Bone>(b));
    const Quaterniond parent_world = parent ? world[int(*parent)] : Quaterniond::Identity();
    const Vector3d offset =
        parent
            ? Vector3d(to_bind[int(*parent)].inverse() * (bind.head[b] - bind.head[int(*parent)]))
            : Vector3d(0.0, hip_height(bind), 0.0);
    out[b] = {godot_to_unity(offset),
              godot_to_unity(Quaterniond(parent_world.inverse() * world[b]).normalized())};
  }
  return out;
}

std::string encode_vmc_frame(const VmcPose& pose, double time_s) {
  std::vector<OscMessage> messages{
      {"/VMC/Ext/OK", {std::int32_t{1}}},
      {"/VMC/Ext/T", {float(time_s)}},
      pos_message("/VMC/Ext/Root/Pos", "root", Vector3d::Zero(), Quaterniond::Identity())};
  for (int b = 0; b < kBoneCount; ++b) {
    messages.push_back(pos_message("/VMC/Ext/Bone/Pos", std::string(bone_name(Bone(b))),
                                   pose[b].position, pose[b].rotation));
  }
  return encode_osc_bundle(messages);
}

}  // namespace am

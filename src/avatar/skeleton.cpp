#include "avatar/skeleton.hpp"

#include <cmath>
#include <map>
#include <string>

#include "avatar/landmarks.hpp"
#include "core/rest_frame.hpp"

namespace am::avatar {
namespace {

struct BoneSpec {
  std::string_view name, parent, tail;  // tail: the bone whose head ends this one, or a point
};

// Parent and tail of each bone, in kHumanoidBones order. Tails in lower case are points.
constexpr BoneSpec kSpecs[] = {
    {"Hips", "", "Spine"},
    {"Spine", "Hips", "Chest"},
    {"Chest", "Spine", "UpperChest"},
    {"UpperChest", "Chest", "Neck"},
    {"Neck", "UpperChest", "Head"},
    {"Head", "Neck", "eyes"},
    {"LeftShoulder", "UpperChest", "LeftUpperArm"},
    {"LeftUpperArm", "LeftShoulder", "LeftLowerArm"},
    {"LeftLowerArm", "LeftUpperArm", "LeftHand"},
    {"LeftHand", "LeftLowerArm", "left_fingers"},
    {"RightShoulder", "UpperChest", "RightUpperArm"},
    {"RightUpperArm", "RightShoulder", "RightLowerArm"},
    {"RightLowerArm", "RightUpperArm", "RightHand"},
    {"RightHand", "RightLowerArm", "right_fingers"},
    {"LeftUpperLeg", "Hips", "LeftLowerLeg"},
    {"LeftLowerLeg", "LeftUpperLeg", "LeftFoot"},
    {"LeftFoot", "LeftLowerLeg", "LeftToes"},
    {"LeftToes", "LeftFoot", "left_toe_tip"},
    {"RightUpperLeg", "Hips", "RightLowerLeg"},
    {"RightLowerLeg", "RightUpperLeg", "RightFoot"},
    {"RightFoot", "RightLowerLeg", "RightToes"},
    {"RightToes", "RightFoot", "right_toe_tip"},
};

Eigen::Vector3f lerp(const Eigen::Vector3f& a, const Eigen::Vector3f& b, float t) {
  return a + t * (b - a);
}

// Bone heads and leaf tips in the model frame: the world landmarks turned into glTF axes
// (x, -y, -z) with the hip midpoint moved to the mesh's hip point (0, hip_height, 0).
// Heads and tails follow the pose stream's table in docs/skeleton.md.
std::map<std::string, Eigen::Vector3f, std::less<>> joint_points(const PoseLandmarks& w,
                                                                 const ImageToModel& frame) {
  using namespace lm;
  const Eigen::Vector3f hip_world(0.5f * (w[kLeftHip].x + w[kRightHip].x),
                                  0.5f * (w[kLeftHip].y + w[kRightHip].y),
                                  0.5f * (w[kLeftHip].z + w[kRightHip].z));
  const auto at = [&](int i) {
    const Eigen::Vector3f d = Eigen::Vector3f(w[i].x, w[i].y, w[i].z) - hip_world;
    return Eigen::Vector3f(d.x(), frame.hip_height - d.y(), -d.z());
  };
  const auto mid = [&](int i, int j) { return lerp(at(i), at(j), 0.5f); };
  const Eigen::Vector3f hips = mid(kLeftHip, kRightHip);
  const Eigen::Vector3f shoulders = mid(kLeftShoulder, kRightShoulder);
  const Eigen::Vector3f ears = mid(kLeftEar, kRightEar);
  std::map<std::string, Eigen::Vector3f, std::less<>> p = {
      {"Hips", hips},
      {"Spine", lerp(hips, shoulders, 0.25f)},
      {"Chest", lerp(hips, shoulders, 0.5f)},
      {"UpperChest", lerp(hips, shoulders, 0.75f)},
      {"Neck", shoulders},
      {"Head", lerp(shoulders, ears, 0.5f)},
      {"eyes", mid(kLeftEye, kRightEye)}};
  const char* sides[] = {"Left", "Right"};
  const char* lower[] = {"left", "right"};
  for (int s = 0; s < 2; ++s) {
    const std::string side = sides[s], low = lower[s];
    p[side + "Shoulder"] = shoulders;
    p[side + "UpperArm"] = at(kLeftShoulder + s);
    p[side + "LowerArm"] = at(kLeftElbow + s);
    p[side + "Hand"] = at(kLeftWrist + s);
    p[low + "_fingers"] = mid(kLeftIndex + s, kLeftPinky + s);
    p[side + "UpperLeg"] = at(kLeftHip + s);
    p[side + "LowerLeg"] = at(kLeftKnee + s);
    p[side + "Foot"] = at(kLeftAnkle + s);
    p[side + "Toes"] = at(kLeftFootIndex + s);
    p[low + "_toe_tip"] = lerp(at(kLeftHeel + s), at(kLeftFootIndex + s), 1.3f);
  }
  return p;
}

}  // namespace

Eigen::Matrix3f rest_rotation_for(const Eigen::Vector3f& head, const Eigen::Vector3f& tail) {
  return rest_frame<double>((tail - head).cast<double>()).cast<float>();
}

Skeleton build_skeleton(const PoseLandmarks& world, const ImageToModel& frame) {
  const auto points = joint_points(world, frame);
  Skeleton s;
  for (const BoneSpec& spec : kSpecs) {
    Bone b;
    b.name = spec.name;
    b.parent = spec.parent.empty() ? -1 : find_bone(s, spec.parent);
    b.head = points.find(spec.name)->second;
    b.tail = points.find(spec.tail)->second;
    b.rest_rotation = rest_rotation_for(b.head, b.tail);
    s.bones.push_back(std::move(b));
  }
  return s;
}

int find_bone(const Skeleton& skeleton, std::string_view name) {
  for (size_t i = 0; i < skeleton.bones.size(); ++i)
    if (skeleton.bones[i].name == name) return static_cast<int>(i);
  return -1;
}

std::vector<Eigen::Affine3f> global_rest_transforms(const Skeleton& skeleton) {
  std::vector<Eigen::Affine3f> g;
  for (const Bone& b : skeleton.bones) {
    Eigen::Affine3f t = Eigen::Affine3f::Identity();
    t.linear() = b.rest_rotation;
    t.translation() = b.head;
    g.push_back(t);
  }
  return g;
}

std::vector<Eigen::Affine3f> local_rest_transforms(const Skeleton& skeleton) {
  const auto global = global_rest_transforms(skeleton);
  std::vector<Eigen::Affine3f> local;
  for (size_t i = 0; i < skeleton.bones.size(); ++i) {
    const int p = skeleton.bones[i].parent;
    local.push_back(p < 0 ? global[i]
                          : Eigen::Affine3f(global[p].inverse(Eigen::Isometry) * global[i]));
  }
  return local;
}

std::vector<Eigen::Matrix4f> inverse_bind_matrices(const Skeleton& skeleton) {
  std::vector<Eigen::Matrix4f> ibm;
  for (const Eigen::Affine3f& g : global_rest_transforms(skeleton))
    ibm.push_back(g.inverse(Eigen::Isometry).matrix());
  return ibm;
}

}  // namespace am::avatar

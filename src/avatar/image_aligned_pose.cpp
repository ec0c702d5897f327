#include "avatar/image_aligned_pose.hpp"

#include <algorithm>
#include <cmath>

#include "avatar/landmarks.hpp"

namespace am::avatar {
namespace {

constexpr float kMinVisibility = 0.5f;
constexpr int kHipsMid = -1;       // virtual parent: between the hips
constexpr int kShouldersMid = -2;  // virtual parent: between the shoulders

// Parent of each landmark in the tree, listed parents first.
struct TreeEdge {
  int parent, child;
};
constexpr TreeEdge kTree[] = {
    {kHipsMid, lm::kLeftHip},
    {kHipsMid, lm::kRightHip},
    {lm::kLeftHip, lm::kLeftKnee},
    {lm::kRightHip, lm::kRightKnee},
    {lm::kLeftKnee, lm::kLeftAnkle},
    {lm::kRightKnee, lm::kRightAnkle},
    {lm::kLeftAnkle, lm::kLeftHeel},
    {lm::kRightAnkle, lm::kRightHeel},
    {lm::kLeftAnkle, lm::kLeftFootIndex},
    {lm::kRightAnkle, lm::kRightFootIndex},
    {lm::kLeftHip, lm::kLeftShoulder},
    {lm::kRightHip, lm::kRightShoulder},
    {lm::kLeftShoulder, lm::kLeftElbow},
    {lm::kRightShoulder, lm::kRightElbow},
    {lm::kLeftElbow, lm::kLeftWrist},
    {lm::kRightElbow, lm::kRightWrist},
    {lm::kLeftWrist, lm::kLeftPinky},
    {lm::kRightWrist, lm::kRightPinky},
    {lm::kLeftWrist, lm::kLeftIndex},
    {lm::kRightWrist, lm::kRightIndex},
    {lm::kLeftWrist, lm::kLeftThumb},
    {lm::kRightWrist, lm::kRightThumb},
    {kShouldersMid, lm::kNose},
    {lm::kNose, lm::kLeftEyeInner},
    {lm::kNose, lm::kLeftEye},
    {lm::kNose, lm::kLeftEyeOuter},
    {lm::kNose, lm::kRightEyeInner},
    {lm::kNose, lm::kRightEye},
    {lm::kNose, lm::kRightEyeOuter},
    {lm::kNose, lm::kLeftEar},
    {lm::kNose, lm::kRightEar},
    {lm::kNose, lm::kMouthLeft},
    {lm::kNose, lm::kMouthRight},
};

Eigen::Vector3f point(const PoseLandmark& p) { return {p.x, p.y, p.z}; }

Eigen::Vector3f at(const PoseLandmarks& l, int i) {
  if (i == kHipsMid) return 0.5f * (point(l[lm::kLeftHip]) + point(l[lm::kRightHip]));
  if (i == kShouldersMid)
    return 0.5f * (point(l[lm::kLeftShoulder]) + point(l[lm::kRightShoulder]));
  return point(l[i]);
}

bool seen(const PoseLandmarks& image, int i) {
  if (i == kHipsMid) return seen(image, lm::kLeftHip) && seen(image, lm::kRightHip);
  if (i == kShouldersMid) return seen(image, lm::kLeftShoulder) && seen(image, lm::kRightShoulder);
  return image[i].visibility >= kMinVisibility;
}

// The world bone turned about the camera axis so its projection points along the image bone;
// its out-of-plane part (depth change) and projected length stay the world's.
Eigen::Vector3f bone_along_image(const Eigen::Vector3f& world_bone,
                                 const Eigen::Vector2f& image_bone) {
  const float across = world_bone.head<2>().norm();
  if (image_bone.norm() < 1e-6f || across < 1e-6f) return world_bone;
  const Eigen::Vector2f turned = image_bone.normalized() * across;
  return {turned.x(), turned.y(), world_bone.z()};
}

}  // namespace

PoseLandmarks align_world_to_image(const PoseLandmarks& image, const PoseLandmarks& world) {
  PoseLandmarks out = world;
  const Eigen::Vector3f hips = at(world, kHipsMid);
  for (int i = 0; i < kLandmarkCount; ++i) {
    out[i].x -= hips.x();
    out[i].y -= hips.y();
    out[i].z -= hips.z();
  }
  for (const auto& [parent, child] : kTree) {
    const Eigen::Vector3f world_bone = at(world, child) - at(world, parent);
    const Eigen::Vector3f image_bone = at(image, child) - at(image, parent);
    const Eigen::Vector3f bone = seen(image, parent) && seen(image, child)
                                     ? bone_along_image(world_bone, image_bone.head<2>())
                                     : world_bone;
    const Eigen::Vector3f p =
        (parent == kHipsMid ? Eigen::Vector3f::Zero() : at(out, parent)) + bone;
    out[child].x = p.x();
    out[child].y = p.y();
    out[child].z = p.z();
  }
  return out;
}

}  // namespace am::avatar

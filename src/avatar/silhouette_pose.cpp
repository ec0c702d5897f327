#include "avatar/silhouette_pose.hpp"

#include <array>
#include <cmath>
#include <numbers>
#include <vector>

#include <opencv2/imgproc.hpp>

#include "avatar/depth_raster.hpp"
#include "avatar/landmarks.hpp"
#include "avatar/silhouette_fit.hpp"

namespace am::avatar {
namespace {

// The hip midpoint, about which the upper body leans.
constexpr int kHipsCentre = -1;

// A joint and the landmarks its bone carries (the rest of the limb below it).
struct LimbTurn {
  int joint;
  std::vector<int> carried;
};

const std::array<LimbTurn, 9>& limb_turns() {
  static const std::array<LimbTurn, 9> turns = {{
      {kHipsCentre, {lm::kNose,          lm::kLeftEyeInner, lm::kLeftEye,       lm::kLeftEyeOuter,
                     lm::kRightEyeInner, lm::kRightEye,     lm::kRightEyeOuter, lm::kLeftEar,
                     lm::kRightEar,      lm::kMouthLeft,    lm::kMouthRight,    lm::kLeftShoulder,
                     lm::kRightShoulder, lm::kLeftElbow,    lm::kRightElbow,    lm::kLeftWrist,
                     lm::kRightWrist,    lm::kLeftPinky,    lm::kRightPinky,    lm::kLeftIndex,
                     lm::kRightIndex,    lm::kLeftThumb,    lm::kRightThumb}},
      {lm::kLeftShoulder,
       {lm::kLeftElbow, lm::kLeftWrist, lm::kLeftPinky, lm::kLeftIndex, lm::kLeftThumb}},
      {lm::kRightShoulder,
       {lm::kRightElbow, lm::kRightWrist, lm::kRightPinky, lm::kRightIndex, lm::kRightThumb}},
      {lm::kLeftElbow, {lm::kLeftWrist, lm::kLeftPinky, lm::kLeftIndex, lm::kLeftThumb}},
      {lm::kRightElbow, {lm::kRightWrist, lm::kRightPinky, lm::kRightIndex, lm::kRightThumb}},
      {lm::kLeftHip, {lm::kLeftKnee, lm::kLeftAnkle, lm::kLeftHeel, lm::kLeftFootIndex}},
      {lm::kRightHip, {lm::kRightKnee, lm::kRightAnkle, lm::kRightHeel, lm::kRightFootIndex}},
      {lm::kLeftKnee, {lm::kLeftAnkle, lm::kLeftHeel, lm::kLeftFootIndex}},
      {lm::kRightKnee, {lm::kRightAnkle, lm::kRightHeel, lm::kRightFootIndex}},
  }};
  return turns;
}

constexpr int kTurns = static_cast<int>(std::tuple_size_v<std::array<LimbTurn, 9>>);
constexpr int kYaw = 2 * kTurns - 1;  // after the turns and the limbs' swings (not the lean's)
constexpr int kAngles = kYaw + 1;
// Degrees: the turns in the image plane, the limbs' swings out of it, then the body's yaw.
using Angles = std::array<float, kAngles>;

float radians(float deg) { return deg * std::numbers::pi_v<float> / 180.0f; }

// Landmarks `carried` turned by `deg` about the camera axis through `joint` (image plane).
void turn_in_image(PoseLandmarks& l, const LimbTurn& turn, float deg) {
  const float c = std::cos(radians(deg)), s = std::sin(radians(deg));
  const PoseLandmark centre = turn.joint == kHipsCentre ? PoseLandmark{} : l[turn.joint];
  for (int i : turn.carried) {
    const float x = l[i].x - centre.x, y = l[i].y - centre.y;
    l[i].x = centre.x + c * x - s * y;
    l[i].y = centre.y + s * x + c * y;
  }
}

// Landmarks `carried` swung by `deg` out of the image plane about `joint`: about the axis across
// both the bone (joint to its first carried landmark) and the camera axis, so the bone's image
// direction stays and its foreshortening changes.
void swing_out_of_image(PoseLandmarks& l, const LimbTurn& turn, float deg) {
  const Eigen::Vector3f centre(l[turn.joint].x, l[turn.joint].y, l[turn.joint].z);
  const int child = turn.carried.front();
  const Eigen::Vector3f bone = Eigen::Vector3f(l[child].x, l[child].y, l[child].z) - centre;
  const Eigen::Vector3f axis = bone.cross(Eigen::Vector3f::UnitZ());
  if (axis.norm() < 1e-6f) return;
  const Eigen::Matrix3f r = Eigen::AngleAxisf(radians(deg), axis.normalized()).toRotationMatrix();
  for (int i : turn.carried) {
    const Eigen::Vector3f p = centre + r * (Eigen::Vector3f(l[i].x, l[i].y, l[i].z) - centre);
    l[i].x = p.x();
    l[i].y = p.y();
    l[i].z = p.z();
  }
}

// Every landmark turned by `deg` about the vertical through the hip midpoint (the origin).
void turn_body(PoseLandmarks& l, float deg) {
  const float c = std::cos(radians(deg)), s = std::sin(radians(deg));
  for (PoseLandmark& p : l) {
    const float x = p.x, z = p.z;
    p.x = c * x + s * z;
    p.z = -s * x + c * z;
  }
}

PoseLandmarks turned_pose(const PoseLandmarks& world, const Angles& a) {
  PoseLandmarks out = world;
  turn_body(out, a[kYaw]);
  for (int i = 0; i < kTurns; ++i) {
    if (a[i] != 0.0f) turn_in_image(out, limb_turns()[i], a[i]);
    if (i > 0 && a[kTurns + i - 1] != 0.0f)
      swing_out_of_image(out, limb_turns()[i], a[kTurns + i - 1]);
  }
  return out;
}

// The silhouette IoU of the avatar posed by `world`, seen at reduced resolution.
struct SilhouetteScore {
  const RiggedAvatar& avatar;
  ImageToModel camera;  // already scaled down
  cv::Mat mask;         // scaled down, 0/255

  double operator()(const PoseLandmarks& world) const {
    const cv::Mat drawn = rasterize_depth(pose_mesh(avatar, world), camera, mask.size()).face >= 0;
    return shifted_iou(drawn, mask, {0, 0});
  }
};

SilhouetteScore scaled_score(const RiggedAvatar& avatar, ImageToModel camera, const cv::Mat& mask,
                             int downscale) {
  const float f = static_cast<float>(downscale);
  camera.metres_per_pixel *= f;
  camera.hip_px = (camera.hip_px + Eigen::Vector2f(0.5f, 0.5f)) / f - Eigen::Vector2f(0.5f, 0.5f);
  cv::Mat small;
  cv::resize(mask, small, cv::Size(mask.cols / downscale, mask.rows / downscale), 0, 0,
             cv::INTER_AREA);
  return {avatar, camera, small >= 128};
}

// Coordinate ascent from `start` over every angle, at each of the level's steps in turn.
Angles ascend(const SilhouetteScore& score, const PoseLandmarks& world, const Angles& start,
              const SilhouettePoseLevel& level, float max_turn_deg) {
  Angles best = start;
  double best_iou = score(turned_pose(world, best));
  for (const float step : level.steps_deg) {
    for (int i = 0; i < kAngles; ++i) {
      for (const float sign : {1.0f, -1.0f}) {
        for (Angles trial = best; std::abs(trial[i] + sign * step) <= max_turn_deg;) {
          trial[i] += sign * step;
          const double iou = score(turned_pose(world, trial));
          if (iou <= best_iou + level.min_gain) break;
          best_iou = iou;
          best = trial;
        }
      }
    }
  }
  return best;
}

}  // namespace

PoseLandmarks fit_pose_to_silhouette(const RiggedAvatar& avatar, const PoseLandmarks& world,
                                     const ImageToModel& camera, const cv::Mat& mask,
                                     const SilhouettePoseOptions& options) {
  Angles best{};
  for (const SilhouettePoseLevel& level : options.levels) {
    const SilhouetteScore score = scaled_score(avatar, camera, mask, level.downscale);
    best = ascend(score, world, best, level, options.max_turn_deg);
  }
  return turned_pose(world, best);
}

}  // namespace am::avatar

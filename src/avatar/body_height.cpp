#include "avatar/body_height.hpp"

#include <cmath>

#include "avatar/landmarks.hpp"

namespace am::avatar {
namespace {

constexpr float kHeadAboveEars = 0.6f;          // of shoulder-to-ear: vertex minus tragion height
constexpr float kAnkleHeightFraction = 0.039f;  // ankle joint height / stature

Eigen::Vector3f point(const PoseLandmarks& w, int i) { return {w[i].x, w[i].y, w[i].z}; }

Eigen::Vector3f midpoint(const PoseLandmarks& w, int i, int j) {
  return 0.5f * (point(w, i) + point(w, j));
}

float leg_length(const PoseLandmarks& w, int side) {
  return (point(w, lm::kLeftHip + side) - point(w, lm::kLeftKnee + side)).norm() +
         (point(w, lm::kLeftKnee + side) - point(w, lm::kLeftAnkle + side)).norm();
}

// Angle below the horizontal of the ray through image row `row`.
float below_horizon_rad(float row, const FloorCamera& c) {
  return c.pitch_deg * static_cast<float>(M_PI) / 180.0f + std::atan((row - c.cy_px) / c.fy_px);
}

}  // namespace

float estimate_height_m(const PoseLandmarks& w) {
  using namespace lm;
  const float leg = 0.5f * (leg_length(w, 0) + leg_length(w, 1));
  const Eigen::Vector3f shoulders = midpoint(w, kLeftShoulder, kRightShoulder);
  const float trunk = (midpoint(w, kLeftHip, kRightHip) - shoulders).norm();
  const float neck_and_head = (midpoint(w, kLeftEar, kRightEar) - shoulders).norm();
  return (leg + trunk + (1 + kHeadAboveEars) * neck_and_head) / (1 - kAnkleHeightFraction);
}

std::optional<float> stature_from_floor_camera(float head_top_row, float sole_row,
                                               const FloorCamera& camera) {
  const float sole = below_horizon_rad(sole_row, camera);
  if (sole <= 0.0f) return std::nullopt;
  const float distance = camera.height_m / std::tan(sole);
  return camera.height_m - distance * std::tan(below_horizon_rad(head_top_row, camera));
}

}  // namespace am::avatar

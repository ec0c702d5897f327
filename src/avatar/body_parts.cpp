#include "avatar/body_parts.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "avatar/landmarks.hpp"

namespace am::avatar {
namespace {

float median_radius_along(const cv::Mat& distance_px, const Eigen::Vector2f& a,
                          const Eigen::Vector2f& b) {
  std::vector<float> samples;
  for (int i = 0; i <= 10; ++i) {
    const float t = 0.2f + 0.06f * static_cast<float>(i);
    samples.push_back(sample_bilinear(distance_px, a + t * (b - a)));
  }
  std::nth_element(samples.begin(), samples.begin() + 5, samples.end());
  return samples[5];
}

struct PartSpec {
  PartKind kind;
  Eigen::Vector2f a, b;
  float za, zb;
  CrossSectionProfile profile;
  float max_radius_m = std::numeric_limits<float>::max();
};

float world_distance(const PoseLandmarks& w, int i, int j) {
  return Eigen::Vector3f(w[i].x - w[j].x, w[i].y - w[j].y, w[i].z - w[j].z).norm();
}

std::vector<PartSpec> part_specs(const PoseLandmarks& l, const PoseLandmarks& w,
                                 const PartDepthRatios& r) {
  using namespace lm;
  const auto mid_z = [&](int i, int j) { return 0.5f * (model_z(w, i) + model_z(w, j)); };
  const Eigen::Vector2f shoulders = pixel_mid(l, kLeftShoulder, kRightShoulder);
  const Eigen::Vector2f hips = pixel_mid(l, kLeftHip, kRightHip);
  const Eigen::Vector2f ears = pixel_mid(l, kLeftEar, kRightEar);
  const Eigen::Vector2f crown = ears + 0.25f * (ears - shoulders);
  const float z_sh = mid_z(kLeftShoulder, kRightShoulder), z_ears = mid_z(kLeftEar, kRightEar);
  std::vector<PartSpec> s = {
      {PartKind::kTorso, hips, shoulders, mid_z(kLeftHip, kRightHip), z_sh, r.torso,
       r.torso_half_width * world_distance(w, kLeftShoulder, kRightShoulder)},
      {PartKind::kNeck, shoulders, ears, z_sh, z_ears, uniform_profile(r.neck)},
      {PartKind::kHead, ears, crown, z_ears, z_ears, uniform_profile(r.head)},
  };
  const auto limb = [&](PartKind kind, int i, int j, const CrossSectionProfile& profile) {
    s.push_back({kind, pixel(l, i), pixel(l, j), model_z(w, i), model_z(w, j), profile});
  };
  for (int side = 0; side < 2; ++side) {  // 0 = left, 1 = right (indices differ by 1)
    limb(PartKind::kUpperArm, kLeftShoulder + side, kLeftElbow + side,
         uniform_profile(r.upper_arm));
    limb(PartKind::kForearm, kLeftElbow + side, kLeftWrist + side, uniform_profile(r.forearm));
    limb(PartKind::kThigh, kLeftHip + side, kLeftKnee + side, r.thigh);
    limb(PartKind::kShin, kLeftKnee + side, kLeftAnkle + side, uniform_profile(r.shin));
    limb(PartKind::kFoot, kLeftHeel + side, kLeftFootIndex + side, uniform_profile(r.foot));
    const Eigen::Vector2f fingers = pixel_mid(l, kLeftIndex + side, kLeftPinky + side);
    const float z_fingers = mid_z(kLeftIndex + side, kLeftPinky + side);
    s.push_back({PartKind::kHand, pixel(l, kLeftWrist + side), fingers,
                 model_z(w, kLeftWrist + side), z_fingers, uniform_profile(r.hand)});
  }
  return s;
}

}  // namespace

float sample_bilinear(const cv::Mat& image_f32, const Eigen::Vector2f& px) {
  const float x = std::clamp(px.x(), 0.0f, static_cast<float>(image_f32.cols - 1));
  const float y = std::clamp(px.y(), 0.0f, static_cast<float>(image_f32.rows - 1));
  const int x0 = std::min(static_cast<int>(x), std::max(0, image_f32.cols - 2));
  const int y0 = std::min(static_cast<int>(y), std::max(0, image_f32.rows - 2));
  const int x1 = std::min(x0 + 1, image_f32.cols - 1), y1 = std::min(y0 + 1, image_f32.rows - 1);
  const float fx = x - static_cast<float>(x0), fy = y - static_cast<float>(y0);
  const float top = (1 - fx) * image_f32.at<float>(y0, x0) + fx * image_f32.at<float>(y0, x1);
  const float bottom = (1 - fx) * image_f32.at<float>(y1, x0) + fx * image_f32.at<float>(y1, x1);
  return (1 - fy) * top + fy * bottom;
}

std::vector<BodyPart> make_body_parts(const PoseLandmarks& landmarks, const PoseLandmarks& world,
                                      const cv::Mat& distance_px, const PartDepthRatios& ratios,
                                      float metres_per_pixel) {
  std::vector<BodyPart> parts;
  for (const PartSpec& s : part_specs(landmarks, world, ratios)) {
    const float cap = s.max_radius_m < std::numeric_limits<float>::max()
                          ? s.max_radius_m / metres_per_pixel
                          : s.max_radius_m;
    const float radius = std::min(median_radius_along(distance_px, s.a, s.b), cap);
    parts.push_back({s.kind, s.a, s.b, s.za, s.zb, s.profile, radius, cap});
  }
  return parts;
}

SurfaceDepth surface_depth_at(const std::vector<BodyPart>& parts, const cv::Mat& distance_px,
                              const Eigen::Vector2f& px, float blend_px) {
  struct Candidate {
    float capsule_distance, local_radius, centre_z;  // local_radius: R, capped
    HalfDepths ratios;
  };
  const float here = std::max(sample_bilinear(distance_px, px), 0.0f);
  std::vector<Candidate> candidates;
  candidates.reserve(parts.size());
  float nearest = std::numeric_limits<float>::max();
  for (const BodyPart& p : parts) {
    const Eigen::Vector2f ab = p.b - p.a;
    const float len2 = ab.squaredNorm();
    const float t = len2 > 1e-6f ? std::clamp((px - p.a).dot(ab) / len2, 0.0f, 1.0f) : 0.0f;
    const Eigen::Vector2f axis_point = p.a + t * ab;
    const float d = (px - axis_point).norm() - p.radius_px;
    const float axis_radius = sample_bilinear(distance_px, axis_point);
    candidates.push_back({d, std::min(std::max(axis_radius, here), p.max_radius_px),
                          p.za + t * (p.zb - p.za), profile_at(p.profile, t)});
    nearest = std::min(nearest, d);
  }
  float total = 0, radius = 0, centre = 0, front = 0, back = 0;
  for (const Candidate& c : candidates) {
    const float w = std::exp(-(c.capsule_distance - nearest) / blend_px);
    total += w;
    radius += w * c.local_radius;
    centre += w * c.centre_z;
    front += w * c.ratios.front;
    back += w * c.ratios.back;
  }
  radius /= total;
  // Two half-ellipses: front and back half thickness k * sqrt(R^2 - (R - D)^2) with their own
  // k, zero on the silhouette; flat at k * R where the silhouette is wider than the part.
  const float d = std::min(here, radius);
  const float ellipse = std::sqrt(std::max(0.0f, 2 * radius * d - d * d));
  return {centre / total, (front / total) * ellipse, (back / total) * ellipse};
}

}  // namespace am::avatar

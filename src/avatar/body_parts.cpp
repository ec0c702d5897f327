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
  Eigen::Vector2f a, b;
  float za, zb, ratio;
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
      {hips, shoulders, mid_z(kLeftHip, kRightHip), z_sh, r.torso,
       r.torso_half_width * world_distance(w, kLeftShoulder, kRightShoulder)},
      {shoulders, ears, z_sh, z_ears, r.neck},
      {ears, crown, z_ears, z_ears, r.head},
  };
  const auto limb = [&](int i, int j, float ratio) {
    s.push_back({pixel(l, i), pixel(l, j), model_z(w, i), model_z(w, j), ratio});
  };
  for (int side = 0; side < 2; ++side) {  // 0 = left, 1 = right (indices differ by 1)
    limb(kLeftShoulder + side, kLeftElbow + side, r.limb);
    limb(kLeftElbow + side, kLeftWrist + side, r.limb);
    limb(kLeftHip + side, kLeftKnee + side, r.limb);
    limb(kLeftKnee + side, kLeftAnkle + side, r.limb);
    limb(kLeftHeel + side, kLeftFootIndex + side, r.foot);
    const Eigen::Vector2f fingers = pixel_mid(l, kLeftIndex + side, kLeftPinky + side);
    const float z_fingers = mid_z(kLeftIndex + side, kLeftPinky + side);
    s.push_back(
        {pixel(l, kLeftWrist + side), fingers, model_z(w, kLeftWrist + side), z_fingers, r.hand});
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
    parts.push_back({s.a, s.b, s.za, s.zb, s.ratio, radius, cap});
  }
  return parts;
}

SurfaceDepth surface_depth_at(const std::vector<BodyPart>& parts, const cv::Mat& distance_px,
                              const Eigen::Vector2f& px, float blend_px) {
  struct Candidate {
    float capsule_distance, local_radius, centre_z, ratio;  // local_radius: R, capped
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
                          p.za + t * (p.zb - p.za), p.depth_ratio});
    nearest = std::min(nearest, d);
  }
  float total = 0, radius = 0, centre = 0, ratio = 0;
  for (const Candidate& c : candidates) {
    const float w = std::exp(-(c.capsule_distance - nearest) / blend_px);
    total += w;
    radius += w * c.local_radius;
    centre += w * c.centre_z;
    ratio += w * c.ratio;
  }
  radius /= total;
  // Ellipse cross-section: half thickness k * sqrt(R^2 - (R - D)^2), zero on the silhouette;
  // flat at k * R where the silhouette is wider than the (capped) part.
  const float d = std::min(here, radius);
  const float half = (ratio / total) * std::sqrt(std::max(0.0f, 2 * radius * d - d * d));
  return {centre / total, half};
}

}  // namespace am::avatar

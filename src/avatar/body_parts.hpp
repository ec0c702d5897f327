// Body-part-aware thickness of the person seen from the front. Takes the 2D and world
// landmarks and the distance transform of the person mask (pixels to the background);
// gives, for any pixel inside the mask, the centre depth of the body there and the half
// thickness of the front/back surfaces around it. Each part is a capsule around a 2D bone
// segment with a cross-section profile (cross_section.hpp: round limbs, a deeper-than-round
// head, a torso deeper in front at the chest and behind at the buttocks); parts are blended with a
// soft minimum of their capsule distances, so the result is continuous, and the half thickness is
// zero on the silhouette. The torso's half-width is capped from the world landmarks (metres), so
// arms or loose clothes merged with it in the silhouette do not make it deeper.
#pragma once

#include <limits>
#include <vector>

#include "avatar/cross_section.hpp"
#include "avatar/types.hpp"

namespace am::avatar {

// Cross-section depth / width ratios and profiles (sources in docs/avatar.md).
struct PartDepthRatios {
  CrossSectionProfile torso = torso_profile();
  CrossSectionProfile thigh = thigh_profile();
  float head = 1.25f;
  float neck = 1.0f;
  float upper_arm = 1.0f;
  float forearm = 0.85f;
  float shin = 1.05f;
  float hand = 0.6f;
  float foot = 1.2f;
  // Most torso half-width the depth is made from, of the world shoulder width.
  float torso_half_width = 0.55f;
};

// What a part is, for the texture (skin, hair, clothing) and the cross-section profile.
enum class PartKind { kTorso, kNeck, kHead, kUpperArm, kForearm, kThigh, kShin, kFoot, kHand };

struct BodyPart {
  PartKind kind = PartKind::kTorso;
  Eigen::Vector2f a = Eigen::Vector2f::Zero(), b = Eigen::Vector2f::Zero();  // axis, pixels
  float za = 0, zb = 0;  // model-frame centre depth at a and b, metres
  CrossSectionProfile profile = uniform_profile(1.0f);
  float radius_px = 0;  // median distance-to-background along the axis, at most max_radius_px
  float max_radius_px = std::numeric_limits<float>::max();  // cross-section half-width cap
};

struct SurfaceDepth {
  float centre_z = 0;       // metres, model frame
  float front_half_px = 0;  // pixels; front surface = centre + front_half
  float back_half_px = 0;   // pixels; back surface = centre - back_half
};

// The 16 parts (head, neck, torso, upper/lower arms, hands, upper/lower legs, feet).
std::vector<BodyPart> make_body_parts(const PoseLandmarks& landmarks, const PoseLandmarks& world,
                                      const cv::Mat& distance_px, const PartDepthRatios& ratios,
                                      float metres_per_pixel);

// distance_px: CV_32F distance transform of the binary mask. blend_px: width of the soft
// minimum between parts.
SurfaceDepth surface_depth_at(const std::vector<BodyPart>& parts, const cv::Mat& distance_px,
                              const Eigen::Vector2f& px, float blend_px);

// Bilinear sample of a CV_32F image, clamped at the borders.
float sample_bilinear(const cv::Mat& image_f32, const Eigen::Vector2f& px);

}  // namespace am::avatar

// What a person looks like below the face, for re-identification when the face is too small or
// turned away. Takes one frame: the 8-bit BGR image, the person's segmentation mask (CV_32F or
// CV_8U probability, image size; empty: the landmark regions alone) and their image and world
// landmarks. Gives a BodyAppearance: for four body parts (head and hair, upper body, lower body,
// shoes) the mean and spread of their colours in a lighting-robust space (chromaticity r and g,
// each channel over the sum of the three, which a brighter or dimmer light leaves unchanged, and
// the part's intensity over itself plus the person's mean intensity), and body proportions from the
// world landmarks (segment lengths over the torso length, and the height). Parts and proportions
// whose landmarks are not visible are left out (weight 0). Left and right are pooled, so a mirrored
// view gives the same descriptor. Pure functions.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "tracking/types.hpp"

namespace am::tracking {

enum BodyPart : int { kHeadPart = 0, kUpperPart, kLowerPart, kShoesPart, kBodyPartCount };

// Per part, x 100: mean r, g, relative intensity, then their spreads (colour_stats()).
inline constexpr int kColourFeatures = 6;
// Shoulder width, hip width, upper arm, forearm, thigh, shin (each over the torso length) and
// the height in metres (nose to ankles along the body).
inline constexpr int kProportionCount = 7;
// The layout of to_floats(); bump when it changes (older stored layouts are then ignored).
inline constexpr std::uint16_t kBodyAppearanceVersion = 1;

struct PartColour {
  std::array<float, kColourFeatures> stats{};
  float weight = 0;  // frames the part was seen in; 0: never
  bool operator==(const PartColour&) const = default;
};

struct BodyAppearance {
  std::array<PartColour, kBodyPartCount> parts{};
  std::array<float, kProportionCount> proportions{};
  std::array<float, kProportionCount> proportion_weights{};  // 0: unknown
  int observations = 0;                                      // frames folded in
  bool operator==(const BodyAppearance&) const = default;
};

struct BodyOptions {
  float min_visibility = 0.5f;  // a landmark counts when its visibility is above this
  float min_mask = 0.5f;        // a pixel belongs to the person when the mask is above this
  int min_part_pixels = 40;     // fewer pixels (at the working scale): the part is left out
  int working_height = 256;     // the person's box is scaled to this height first
};

BodyAppearance describe_body(const cv::Mat& bgr, const cv::Mat& mask,
                             const PoseLandmarks& landmarks, const PoseLandmarks& world,
                             const cv::Rect2f& box, const BodyOptions& options = {});

// Folds one frame's appearance into a running per-feature weighted mean.
void accumulate(BodyAppearance& total, const BodyAppearance& frame);

struct BodyDistanceOptions {
  float colour_scale = 10;         // a colour feature difference of this much counts as 1
  float proportion_weight = 1;     // weight of the proportions against the colours
  int min_shared_parts = 2;        // fewer parts seen by both: no colour evidence
  int min_shared_proportions = 3;  // fewer proportions known to both: no proportion evidence
};

struct BodyDistance {
  float colour = 0;      // mean over shared parts of the feature distance / colour_scale
  float proportion = 0;  // mean relative difference of the shared proportions
  float total = 0;       // (colour + proportion_weight x proportion) / (1 + proportion_weight)
  int shared_parts = 0;
};

// nullopt when the two do not share enough parts and proportions to compare.
std::optional<BodyDistance> body_distance(const BodyAppearance& a, const BodyAppearance& b,
                                          const BodyDistanceOptions& options = {});

// The descriptor as kBodyAppearanceVersion floats (for the identity cache) and back; nullopt for
// a wrong length.
std::vector<float> to_floats(const BodyAppearance& body);
std::optional<BodyAppearance> body_from_floats(const std::vector<float>& values);

}  // namespace am::tracking

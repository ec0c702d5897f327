// The quality gate: is this view of a person good enough to build an avatar from? Takes one
// PersonInput (image landmarks, world landmarks, box), the image size, the image itself (for
// sharpness; an empty Mat skips that check) and options. Gives a score in [0, 1] (the mean of the
// per-check scores, each 1 when comfortably met), whether it passed (no check failed and score >=
// threshold) and why not: stable short codes with readable detail, e.g.
// "left_arm_not_visible: left_elbow visibility 0.21 < 0.5". Pure; see docs/tracking.md.
#pragma once

#include <string>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "tracking/types.hpp"

namespace am::tracking {

struct QualityOptions {
  float threshold = 0.6f;  // processing.quality_threshold
  bool full_body = true;   // false: upper body (head, arms, torso) is enough
  float min_visibility = 0.5f;
  float good_visibility = 0.9f;      // visibility scoring 1
  float min_face_fraction = 0.03f;   // face width relative to the image height
  float min_face_px = 24;            // and in pixels
  double min_sharpness = 30;         // laplacian_variance() of the person crop
  float min_shoulder_ratio = 0.45f;  // 2D shoulder width / torso height
  float max_yaw_deg = 40;            // shoulder line turned from the image plane (world landmarks)
};

struct QualityReason {
  std::string code;    // face_not_visible, face_too_small, left_arm_not_visible, ...
  std::string detail;  // the measured value against the limit
  bool operator==(const QualityReason&) const = default;
};

struct QualityResult {
  float score = 0;
  bool passed = false;
  std::vector<QualityReason> reasons;
  bool has_reason(const std::string& code) const;
};

// "code: detail"
std::string describe(const QualityReason& reason);

QualityResult gate(const PersonInput& person, cv::Size image_size, const cv::Mat& image,
                   const QualityOptions& options);

}  // namespace am::tracking

// The individual checks of the quality gate (quality_gate.hpp). Each takes the person and the
// options and gives a score in [0, 1] (1: comfortably met) and, when it fails, one reason.
#pragma once

#include <optional>

#include "tracking/quality_gate.hpp"

namespace am::tracking {

struct CheckResult {
  float score = 1;
  std::optional<QualityReason> reason;
};

// Face landmarks 0-10 visible.
CheckResult check_face_visible(const PersonInput& person, const QualityOptions& options);

// Face width (ear to ear, or 1.6 x outer eye corners) against the image height and min_face_px.
CheckResult check_face_size(const PersonInput& person, cv::Size image_size,
                            const QualityOptions& options);

// Named landmarks all visible; code e.g. "left_arm_not_visible", what e.g. "left arm".
CheckResult check_part_visible(const PersonInput& person, const std::vector<int>& landmarks,
                               const std::string& code, const QualityOptions& options);

// The body landmarks the options require (upper or full body) lie inside the image.
CheckResult check_inside_frame(const PersonInput& person, cv::Size image_size,
                               const QualityOptions& options);

CheckResult check_sharpness(const PersonInput& person, const cv::Mat& image,
                            const QualityOptions& options);

// Shoulders wide against the torso, nose between them, left shoulder on the image right,
// shoulder line not turned more than max_yaw_deg (world landmarks, when present).
CheckResult check_facing(const PersonInput& person, const QualityOptions& options);

}  // namespace am::tracking

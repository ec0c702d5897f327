#include "tracking/quality_gate.hpp"

#include <cstdio>

#include "tracking/quality_checks.hpp"

namespace am::tracking {
namespace {

std::vector<CheckResult> run_checks(const PersonInput& person, cv::Size image_size,
                                    const cv::Mat& image, const QualityOptions& options) {
  std::vector<CheckResult> checks = {
      check_face_visible(person, options),
      check_face_size(person, image_size, options),
      check_part_visible(person, {lm::kLeftShoulder, lm::kLeftElbow, lm::kLeftWrist},
                         "left_arm_not_visible", options),
      check_part_visible(person, {lm::kRightShoulder, lm::kRightElbow, lm::kRightWrist},
                         "right_arm_not_visible", options),
      check_part_visible(person,
                         {lm::kLeftShoulder, lm::kRightShoulder, lm::kLeftHip, lm::kRightHip},
                         "torso_not_visible", options),
      check_inside_frame(person, image_size, options),
      check_facing(person, options),
  };
  if (options.full_body) {
    checks.push_back(
        check_part_visible(person, {lm::kLeftKnee, lm::kRightKnee, lm::kLeftAnkle, lm::kRightAnkle},
                           "legs_not_visible", options));
  }
  if (!image.empty()) checks.push_back(check_sharpness(person, image, options));
  return checks;
}

}  // namespace

bool QualityResult::has_reason(const std::string& code) const {
  for (const auto& r : reasons) {
    if (r.code == code) return true;
  }
  return false;
}

std::string describe(const QualityReason& reason) { return reason.code + ": " + reason.detail; }

QualityResult gate(const PersonInput& person, cv::Size image_size, const cv::Mat& image,
                   const QualityOptions& options) {
  QualityResult result;
  float sum = 0;
  const std::vector<CheckResult> checks = run_checks(person, image_size, image, options);
  for (const auto& check : checks) {
    sum += check.score;
    if (check.reason) result.reasons.push_back(*check.reason);
  }
  result.score = sum / static_cast<float>(checks.size());
  if (result.reasons.empty() && result.score < options.threshold) {
    char detail[64];
    std::snprintf(detail, sizeof detail, "score %.2f < %.2f", result.score, options.threshold);
    result.reasons.push_back({"score_below_threshold", detail});
  }
  result.passed = result.reasons.empty();
  return result;
}

}  // namespace am::tracking

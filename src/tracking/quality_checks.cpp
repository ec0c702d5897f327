#include "tracking/quality_checks.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "tracking/sharpness.hpp"

namespace am::tracking {
namespace {

std::string fixed(double value, int decimals = 2) {
  char text[32];
  std::snprintf(text, sizeof text, "%.*f", decimals, value);
  return text;
}

float ratio_score(double value, double good) {
  return good > 0 ? static_cast<float>(std::clamp(value / good, 0.0, 1.0)) : 1.0f;
}

void append_item(std::string& list, const std::string& item) {
  if (!list.empty()) list += '/';
  list += item;
}

float distance(const PoseLandmark& a, const PoseLandmark& b) {
  return std::hypot(a.x - b.x, a.y - b.y);
}

CheckResult fail(float score, std::string code, std::string detail) {
  return {score, QualityReason{std::move(code), std::move(detail)}};
}

// Landmark bounding box, for when the person box is missing.
cv::Rect2f landmark_box(const PoseLandmarks& landmarks) {
  float x0 = 1e9f, y0 = 1e9f, x1 = -1e9f, y1 = -1e9f;
  for (const auto& l : landmarks) {
    x0 = std::min(x0, l.x), y0 = std::min(y0, l.y);
    x1 = std::max(x1, l.x), y1 = std::max(y1, l.y);
  }
  return {x0, y0, x1 - x0, y1 - y0};
}

bool has_world(const PoseLandmarks& world) {
  return std::any_of(world.begin(), world.end(),
                     [](const PoseLandmark& w) { return w.x != 0 || w.y != 0 || w.z != 0; });
}

}  // namespace

CheckResult check_part_visible(const PersonInput& person, const std::vector<int>& landmarks,
                               const std::string& code, const QualityOptions& options) {
  float lowest = 1;
  std::string names, values;
  for (const int i : landmarks) {
    const float v = person.landmarks[i].visibility;
    lowest = std::min(lowest, v);
    if (v >= options.min_visibility) continue;
    append_item(names, std::string(landmark_names()[i]));
    append_item(values, fixed(v));
  }
  const float score = ratio_score(lowest, options.good_visibility);
  if (names.empty()) return {score, std::nullopt};
  return fail(score, code, names + " visibility " + values + " < " + fixed(options.min_visibility));
}

CheckResult check_face_visible(const PersonInput& person, const QualityOptions& options) {
  std::vector<int> face(lm::kMouthRight + 1);
  for (int i = 0; i <= lm::kMouthRight; ++i) face[i] = i;
  return check_part_visible(person, face, "face_not_visible", options);
}

CheckResult check_face_size(const PersonInput& person, cv::Size image_size,
                            const QualityOptions& options) {
  const auto& l = person.landmarks;
  const float width = std::max(distance(l[lm::kLeftEar], l[lm::kRightEar]),
                               1.6f * distance(l[lm::kLeftEyeOuter], l[lm::kRightEyeOuter]));
  const float needed = std::max(options.min_face_px, options.min_face_fraction * image_size.height);
  const float score = ratio_score(width, 2 * needed);
  if (width >= needed) return {score, std::nullopt};
  return fail(score, "face_too_small",
              "face width " + fixed(width, 1) + " px < " + fixed(needed, 1) + " px");
}

CheckResult check_inside_frame(const PersonInput& person, cv::Size image_size,
                               const QualityOptions& options) {
  const int last = options.full_body ? lm::kRightFootIndex : lm::kRightHip;
  int inside = 0, total = 0;
  std::string outside;
  for (int i = 0; i <= last; ++i) {
    if (i > lm::kRightWrist && i < lm::kLeftHip) continue;  // fingers may leave the frame
    const auto& p = person.landmarks[i];
    ++total;
    if (p.x >= 0 && p.y >= 0 && p.x < image_size.width && p.y < image_size.height) {
      ++inside;
    } else if (outside.empty()) {
      outside =
          std::string(landmark_names()[i]) + " at (" + fixed(p.x, 0) + ", " + fixed(p.y, 0) + ")";
    }
  }
  const float score = static_cast<float>(inside) / static_cast<float>(total);
  if (inside == total) return {score, std::nullopt};
  return fail(score, "body_outside_frame",
              std::to_string(total - inside) + " landmarks outside the " +
                  std::to_string(image_size.width) + "x" + std::to_string(image_size.height) +
                  " image, e.g. " + outside);
}

CheckResult check_sharpness(const PersonInput& person, const cv::Mat& image,
                            const QualityOptions& options) {
  const cv::Rect2f box = person.box.area() > 0 ? person.box : landmark_box(person.landmarks);
  const double variance = laplacian_variance(image, box);
  const float score = ratio_score(variance, 2 * options.min_sharpness);
  if (variance >= options.min_sharpness) return {score, std::nullopt};
  return fail(score, "too_blurry",
              "Laplacian variance " + fixed(variance, 1) + " < " + fixed(options.min_sharpness, 1));
}

CheckResult check_facing(const PersonInput& person, const QualityOptions& options) {
  const auto& l = person.landmarks;
  const float shoulders = distance(l[lm::kLeftShoulder], l[lm::kRightShoulder]);
  const float torso = std::hypot(
      (l[lm::kLeftShoulder].x + l[lm::kRightShoulder].x - l[lm::kLeftHip].x - l[lm::kRightHip].x) /
          2,
      (l[lm::kLeftShoulder].y + l[lm::kRightShoulder].y - l[lm::kLeftHip].y - l[lm::kRightHip].y) /
          2);
  const float ratio = torso > 0 ? shoulders / torso : 0;
  float yaw = 0;
  if (has_world(person.world)) {
    const auto& wl = person.world[lm::kLeftShoulder];
    const auto& wr = person.world[lm::kRightShoulder];
    yaw = std::abs(std::atan2(wl.z - wr.z, wl.x - wr.x)) * 180 / std::numbers::pi_v<float>;
  }
  const float score = std::min(ratio_score(ratio, 1.5 * options.min_shoulder_ratio),
                               ratio_score(90 - std::min(yaw, 90.0f), 90 - options.max_yaw_deg));
  if (l[lm::kLeftShoulder].x <= l[lm::kRightShoulder].x) {
    return fail(0, "not_facing_camera", "left shoulder is left of the right one: back to camera");
  }
  if (ratio < options.min_shoulder_ratio) {
    return fail(score, "not_facing_camera",
                "shoulder width / torso height " + fixed(ratio) + " < " +
                    fixed(options.min_shoulder_ratio));
  }
  if (l[lm::kNose].x < l[lm::kRightShoulder].x || l[lm::kNose].x > l[lm::kLeftShoulder].x) {
    return fail(score, "not_facing_camera", "nose is not between the shoulders");
  }
  if (yaw > options.max_yaw_deg) {
    return fail(score, "not_facing_camera",
                "shoulders turned " + fixed(yaw, 0) + " deg > " + fixed(options.max_yaw_deg, 0));
  }
  return {score, std::nullopt};
}

}  // namespace am::tracking

#include "builder/floor_stature.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <opencv2/imgproc.hpp>

#include "avatar/image_frame.hpp"
#include "body/landmarks.hpp"

namespace am::builder {
namespace {

constexpr float kShortest = 0.5f, kTallest = 2.5f;  // metres: outside, the camera is misconfigured

float photo_row(float crop_edge_row, const PersonCrop& crop) {
  return static_cast<float>(crop.region.y) + crop_edge_row / static_cast<float>(crop.scale);
}

// The top of the head: walking up from the nose in the head's columns (about the nose, as wide
// as the ears are apart), the last row with person in it, so hands raised above the head (with
// a gap between) do not count.
int head_top_row(const cv::Mat& person, const PoseLandmarks& landmarks) {
  const float ears = std::abs(landmarks[lm::kLeftEar].x - landmarks[lm::kRightEar].x);
  const float shoulders =
      std::abs(landmarks[lm::kLeftShoulder].x - landmarks[lm::kRightShoulder].x);
  const float half = std::max({4.0f, 0.5f * ears, 0.15f * shoulders});
  const float nose = landmarks[lm::kNose].x;
  const int x0 = std::clamp(static_cast<int>(nose - half), 0, person.cols - 1);
  const int x1 = std::clamp(static_cast<int>(nose + half) + 1, x0 + 1, person.cols);
  int top = std::clamp(static_cast<int>(landmarks[lm::kNose].y), 0, person.rows - 1);
  while (top > 0 && cv::countNonZero(person.row(top - 1).colRange(x0, x1)) > 0) --top;
  return top;
}

}  // namespace

FloorStature floor_camera_stature(const avatar::PersonView& view, const PersonCrop& crop,
                                  const avatar::FloorCamera& camera) {
  const cv::Mat person = view.mask >= 128;
  const cv::Rect box = cv::boundingRect(person);
  if (box.area() == 0) return {std::nullopt, 1.0f, "the person mask is empty"};
  const int top = head_top_row(person, view.landmarks), bottom = box.y + box.height;
  if (top == 0) return {std::nullopt, 1.0f, "the head touches the top of the picture"};
  if (bottom >= person.rows) return {std::nullopt, 1.0f, "the feet are out of the picture"};
  const float head = photo_row(static_cast<float>(top), crop);
  const float soles = photo_row(static_cast<float>(bottom), crop);
  const std::optional<float> stature = avatar::stature_from_floor_camera(head, soles, camera);
  if (!stature) return {std::nullopt, 1.0f, "the feet are above the camera's horizon"};
  if (*stature < kShortest || *stature > kTallest) {
    char why[160];
    std::snprintf(why, sizeof why,
                  "the camera gives %.2f m, outside 0.5-2.5 m: check camera.mount_height_m and "
                  "camera.tilt_deg",
                  *stature);
    return {std::nullopt, 1.0f, why};
  }
  const float model_height = static_cast<float>(bottom - top) *
                             avatar::estimate_metres_per_pixel(view.landmarks, view.world);
  return {stature, *stature / model_height, ""};
}

PoseLandmarks scale_world(const PoseLandmarks& world, float factor) {
  PoseLandmarks out = world;
  for (PoseLandmark& l : out) {
    l.x *= factor;
    l.y *= factor;
    l.z *= factor;
  }
  return out;
}

FloorCameraSettings floor_camera_settings(const Config& cfg) {
  return {static_cast<float>(cfg.get_number("camera.mount_height_m")),
          static_cast<float>(cfg.get_number("camera.tilt_deg")),
          static_cast<float>(cfg.get_number("camera.hfov_deg"))};
}

std::optional<avatar::FloorCamera> floor_camera_for(const FloorCameraSettings& settings,
                                                    cv::Size frame) {
  if (settings.mount_height_m <= 0) return std::nullopt;
  const float half_fov = settings.hfov_deg * static_cast<float>(M_PI) / 360.0f;
  const float focal = 0.5f * static_cast<float>(frame.width) / std::tan(half_fov);
  return avatar::FloorCamera{settings.mount_height_m, focal,
                             0.5f * static_cast<float>(frame.height), settings.tilt_deg};
}

}  // namespace am::builder

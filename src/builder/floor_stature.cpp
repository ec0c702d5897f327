#include "builder/floor_stature.hpp"

#include <cmath>
#include <cstdio>

#include <opencv2/imgproc.hpp>

#include "avatar/image_frame.hpp"

namespace am::builder {
namespace {

constexpr float kShortest = 0.5f, kTallest = 2.5f;  // metres: outside, the camera is misconfigured

float photo_row(float crop_edge_row, const PersonCrop& crop) {
  return static_cast<float>(crop.region.y) + crop_edge_row / static_cast<float>(crop.scale);
}

}  // namespace

FloorStature floor_camera_stature(const avatar::PersonView& view, const PersonCrop& crop,
                                  cv::Size photo, const avatar::FloorCamera& camera) {
  const cv::Mat& crop_mask = view.mask;
  const cv::Rect box = cv::boundingRect(crop_mask >= 128);
  if (box.area() == 0) return {std::nullopt, 1.0f, "the person mask is empty"};
  if (box.y == 0) return {std::nullopt, 1.0f, "the head touches the top of the picture"};
  if (box.y + box.height >= crop_mask.rows)
    return {std::nullopt, 1.0f, "the feet are out of the picture"};
  const float head = photo_row(static_cast<float>(box.y), crop);
  const float soles = photo_row(static_cast<float>(box.y + box.height), crop);
  if (soles > static_cast<float>(photo.height))
    return {std::nullopt, 1.0f, "the feet are out of the picture"};
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
  const float model_height = static_cast<float>(box.height) *
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

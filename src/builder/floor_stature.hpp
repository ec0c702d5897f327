// The person's size from a camera of known height above the floor (config camera.mount_height_m),
// so an avatar is as tall as its visitor instead of the pose model's average-sized adult. Takes the
// build's cut-out (the person mask in the working crop), the crop and the photo's floor camera;
// gives the stature (metres) from the top of the head (walking up from the nose in the head's
// columns to the first row without person, so raised hands do not count) and the soles' row in the
// photo, and the factor that makes the world landmarks (so the mesh, at the landmarks' metres per
// pixel, and the skeleton built from them) that tall, or nothing (with the reason) when the person
// is cut off at the top or bottom of the photo or crop, or the geometry gives no stature between
// 0.5 and 2.5 m (a wrong camera height or tilt). scale_world() makes the world landmarks that much
// larger about their origin. floor_camera_settings() reads camera.mount_height_m / tilt_deg /
// hfov_deg; floor_camera_for() gives a frame's camera from them (nothing while the mount height is
// 0: unknown).
#pragma once

#include <optional>
#include <string>

#include "avatar/body_height.hpp"
#include "avatar/reconstruct.hpp"
#include "builder/person_crop.hpp"
#include "core/config.hpp"

namespace am::builder {

struct FloorStature {
  std::optional<float> stature_m;
  float world_scale = 1.0f;  // for scale_world
  std::string why_not;       // set when there is no stature
};

// view: the cut-out in the working crop (mask 0-255, landmarks, world landmarks).
// The crop lies inside the photo, so a mask off its bottom edge is a person off the photo's.
FloorStature floor_camera_stature(const avatar::PersonView& view, const PersonCrop& crop,
                                  const avatar::FloorCamera& camera);

PoseLandmarks scale_world(const PoseLandmarks& world, float factor);

struct FloorCameraSettings {
  float mount_height_m = 0;  // 0: unknown, no floor camera
  float tilt_deg = 0;        // below the horizontal
  float hfov_deg = 60;       // horizontal field of view (matters only when tilted)
};

FloorCameraSettings floor_camera_settings(const Config& cfg);

std::optional<avatar::FloorCamera> floor_camera_for(const FloorCameraSettings& settings,
                                                    cv::Size frame);

}  // namespace am::builder

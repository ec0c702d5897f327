// The `pose` command's outputs. pose_frame_to_json() gives one entry of the DESIGN.md §5
// `pose --json` "frames" array: {"index", "timestamp_ms", "persons": [{"id", "score",
// "box": [x, y, w, h], "landmarks": [{"name", "x", "y", "z", "visibility", "presence"} x 33],
// "world_landmarks": [{"name", "x", "y", "z"} x 33]}]}. Landmark x, y are image pixels; z is
// MediaPipe's normalized depth (pixels / image width, negative = nearer than the hips); world
// landmarks are metres. poses_to_json() wraps frames into {"source", "width", "height",
// "frames"}. Pure.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>
#include <opencv2/core/mat.hpp>

#include "perception/pose/pose_types.hpp"

namespace am {

struct PoseResults {
  int64_t index = 0;
  double timestamp_ms = 0;
  std::vector<PoseObservation> persons;
};

nlohmann::json pose_frame_to_json(const PoseResults& frame, cv::Size image);

nlohmann::json poses_to_json(const std::string& source, cv::Size image,
                             const std::vector<PoseResults>& frames);

}  // namespace am

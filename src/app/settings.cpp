#include "app/settings.hpp"

namespace am {

SessionOptions session_options(const Config& cfg) {
  return {parse_device(cfg.get_string("processing.device")),
          static_cast<int>(cfg.get_int("processing.threads"))};
}

CameraRequest camera_request(const Config& cfg) {
  return {static_cast<int>(cfg.get_int("camera.width")),
          static_cast<int>(cfg.get_int("camera.height")),
          static_cast<int>(cfg.get_int("camera.fps"))};
}

PoseTrackerOptions pose_options(const Config& cfg) {
  PoseTrackerOptions options;
  const std::string model = cfg.get_string("pose.model");
  options.complexity = model == "lite"    ? PoseComplexity::Lite
                       : model == "heavy" ? PoseComplexity::Heavy
                                          : PoseComplexity::Full;
  options.max_persons = static_cast<int>(cfg.get_int("processing.max_persons"));
  options.redetect_interval = static_cast<int>(cfg.get_int("pose.redetect_interval"));
  return options;
}

}  // namespace am

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

}  // namespace am

// Turns the effective config into the option structs the stages take, in one place.
#pragma once

#include "core/config.hpp"
#include "infer/onnx_model.hpp"
#include "io/frame_source.hpp"
#include "perception/pose_tracker.hpp"

namespace am {

SessionOptions session_options(const Config& cfg);   // processing.device / processing.threads
CameraRequest camera_request(const Config& cfg);     // camera.width / height / fps
PoseTrackerOptions pose_options(const Config& cfg);  // pose.* and processing.max_persons

}  // namespace am

// Turns the effective config into the option structs the stages take, in one place, so every
// command (run, pose, faces, ...) reads a key the same way.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include <opencv2/core/mat.hpp>

#include "core/config.hpp"
#include "faceswap/face_swapper.hpp"
#include "infer/onnx_model.hpp"
#include "io/frame_source.hpp"
#include "perception/pose_tracker.hpp"
#include "pipeline/capture_thread.hpp"
#include "stream/server.hpp"
#include "stream/vmc_sender.hpp"
#include "tracking/quality_gate.hpp"
#include "tracking/tracker.hpp"

namespace am {

SessionOptions session_options(const Config& cfg);  // processing.device / processing.threads
CameraRequest camera_request(const Config& cfg);    // camera.width / height / fps
// pose.* and processing.max_persons; with_mask: each person's segmentation mask too.
PoseTrackerOptions pose_options(const Config& cfg, bool with_mask = false);
tracking::TrackerOptions tracker_options(const Config& cfg);    // tracking.*
tracking::IdentityOptions identity_options(const Config& cfg);  // tracking.* thresholds
tracking::QualityOptions gate_options_from(const Config& cfg);  // quality_threshold, full_body
ServerOptions server_options(const Config& cfg);                // websocket.*
VmcOptions vmc_options(const Config& cfg);                      // vmc.*

// --source, or "camera:<camera.device_id>" when it is empty.
std::string source_spec(const Config& cfg, const std::string& source);
// Cameras and streams are reopened when they fail; files end (or loop).
CaptureOptions capture_options(const std::string& spec, bool loop);

// With face_swap.enabled, a swapper for the face_swap.source_image photo (SourceError naming the
// key when it is unset or unreadable); nullptr when face swapping is off.
std::unique_ptr<FaceSwapper> face_swapper_from(const Config& cfg,
                                               const std::filesystem::path& models);
// Which face the avatars built under this config wear: "" with face_swap.enabled false, else the
// source photo's CRC-32 (its content, not its path) and the blend and kept-feature settings.
// SourceError when the photo cannot be read.
std::string avatar_face_tag(const Config& cfg);

}  // namespace am

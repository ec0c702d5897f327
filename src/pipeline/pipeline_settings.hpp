// Turns the effective config into the option structs the stages take, in one place, so every
// command (run, worker, pose, faces, ...) reads a key the same way. The stages' modules never
// read the config themselves. Implemented in pipeline_settings.cpp (models, camera, tracking,
// stream, face swap) and settings_storage.cpp (cache, folders, logging, build queue).
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include <opencv2/core/mat.hpp>

#include "cache/cache.hpp"
#include "cache/redis_cache.hpp"
#include "core/config.hpp"
#include "core/logging.hpp"
#include "faceswap/face_map.hpp"
#include "faceswap/face_swapper.hpp"
#include "infer/onnx_model.hpp"
#include "io/frame_source.hpp"
#include "jobs/avatar_faces.hpp"
#include "jobs/redis_build_queue.hpp"
#include "perception/face/face_mesh.hpp"
#include "perception/pose/pose_tracker.hpp"
#include "pipeline/avatar_refiner.hpp"
#include "pipeline/capture_thread.hpp"
#include "stream/server.hpp"
#include "stream/vmc_sender.hpp"
#include "tracking/quality_gate.hpp"
#include "tracking/tracker.hpp"

namespace am {

std::filesystem::path models_dir(const Config& cfg);  // models.dir (empty: <home>/models)
std::filesystem::path avatar_dir(const Config& cfg);  // <cache.cache_dir>/avatars
LogSettings log_settings(const Config& cfg);          // logging.*
// cache.use_redis false: FileCache on cache.cache_dir (empty: app_home()/cache).
// cache.use_redis true: ResilientCache (Redis at cache.redis_url, that FileCache as fallback).
// Throws ConfigError for a bad cache.redis_url, CacheError when the folder cannot be created.
std::unique_ptr<Cache> make_cache(const Config& config);
RedisCacheOptions redis_cache_options(const Config& config);  // cache.redis_url, ttl_hours
SessionOptions session_options(const Config& cfg);  // processing.device / processing.threads
CameraRequest camera_request(const Config& cfg);    // camera.width / height / fps
// pose.* and processing.max_persons; with_mask: each person's segmentation mask too.
PoseTrackerOptions pose_options(const Config& cfg, bool with_mask = false);
tracking::TrackerOptions tracker_options(const Config& cfg);    // tracking.*
tracking::IdentityOptions identity_options(const Config& cfg);  // tracking.* thresholds
tracking::QualityOptions gate_options_from(const Config& cfg);  // quality_threshold, full_body
ServerOptions server_options(const Config& cfg);                // websocket.*
VmcOptions vmc_options(const Config& cfg);                      // vmc.*
BuildQueueOptions build_queue_options(const Config& cfg);       // cache.redis_url, builder.*
// This mirror's name in build jobs: "<host>:<websocket.port>".
std::string mirror_name(const Config& cfg);
// tracker_options() with, under builder.mode redis, this mirror's own block of a million person
// ids (numbered by Redis; from the process id when Redis is down at start), so mirrors sharing
// identities never hand out the same id.
tracking::TrackerOptions tracker_options_for_site(const Config& cfg);

// --source, or "camera:<camera.device_id>" when it is empty.
std::string source_spec(const Config& cfg, const std::string& source);
// Cameras and streams are reopened when they fail; files end (or loop).
CaptureOptions capture_options(const std::string& spec, bool loop);

// face_swap.device, processing.threads, face_swap.blend / keep_mouth / keep_eyes /
// keep_closed_eyes.
FaceSwapOptions face_swap_options(const Config& cfg);
// Which photo goes on which face: the map given (else face_swap.face_map), with `source` (else,
// when the map names none, face_swap.source_image) for every other face.
FaceMap face_map_from(const Config& cfg, const std::string& map = "",
                      const std::string& source = "");
// With face_swap.enabled, face_map_from(cfg) with each photo it names checked to exist
// (SourceError naming the key that gives a missing one, or both keys when the map names no
// photo); nullopt when face swapping is off.
std::optional<FaceMap> swap_face_map(const Config& cfg);
// The faces avatars wear (each person the face map's photo for their id): AvatarFaces over
// swap_face_map(cfg), every photo loaded now; everyone's own face when face swapping is off.
AvatarFaces avatar_faces_from(const Config& cfg, const std::filesystem::path& models);
// The face mesh the avatar builder uses for the back of the head's hairline; nullptr (with a
// warning) when its model file is missing: the builder then estimates the face oval.
std::unique_ptr<FaceMesh> face_mesh_from(const Config& cfg, const std::filesystem::path& models);
// refine.*: refinement of avatars from turned views; off with face_swap.enabled (the camera
// frames show the visitor's own face, the avatar wears the swapped one) and with builder.mode
// redis (the builds, and what refinement needs of them, stay on the workers).
RefineOptions refine_options_from(const Config& cfg);
}  // namespace am

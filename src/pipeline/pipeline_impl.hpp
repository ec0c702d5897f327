// Internal to the pipeline: the state shared by pipeline.cpp (set-up and the per-frame loop) and
// pipeline_avatars.cpp (tracker events, avatar jobs, the cache). Not a public header.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>

#include "builder/builder.hpp"
#include "cache/cache.hpp"
#include "core/latest_slot.hpp"
#include "faceswap/face_swapper.hpp"
#include "io/frame_writer.hpp"
#include "perception/blazeface_detector.hpp"
#include "perception/face_detector.hpp"
#include "perception/face_embedder.hpp"
#include "perception/pose_tracker.hpp"
#include "perception/segmenter.hpp"
#include "pipeline/avatar_states.hpp"
#include "pipeline/capture_thread.hpp"
#include "pipeline/metrics.hpp"
#include "pipeline/pipeline.hpp"
#include "pipeline/worker_pool.hpp"
#include "stream/server.hpp"
#include "stream/vmc_sender.hpp"
#include "tracking/quality_gate.hpp"
#include "tracking/tracker.hpp"

namespace am {

// A finished build waiting to be announced: the file, its bind pose, for whom.
struct ReadyAvatar {
  int person_id = 0;
  std::filesystem::path glb_path;
  Landmarks bind_world{};
};

struct Pipeline::Impl {
  Impl(const Config& cfg, PipelineOptions options);

  // pipeline.cpp
  int run();
  void process(Frame& frame);
  // pipeline_view.cpp
  void show_view(const Frame& frame, const std::vector<PoseObservation>& persons);

  void send_vmc(const std::vector<PoseObservation>& persons, const std::vector<int>& ids);
  void report_status(double now_ms, bool final_line);

  // pipeline_avatars.cpp
  void seed_identities();
  void handle_events(const tracking::TrackerUpdate& update, double now_ms);
  void maybe_build(int id, const PoseObservation& person, const tracking::PersonInput& input,
                   const Frame& frame, double now_ms);
  void announce_ready_avatars(double now_ms);
  void send_cached_avatar(int id);
  void person_left(int id, double now_ms);
  void finish(double now_ms);
  // Every kCacheCleanupEveryMs (and on the first frame), on a worker: the cache's age and size
  // limits (cache.ttl_hours, cache.max_size_mb) and stale avatar files.
  void maybe_clean_cache(double now_ms);

  PipelineOptions options;
  LatestSlot<Frame> frames;
  CaptureThread capture;  // opened first: a bad source fails before any model loads
  std::filesystem::path models;
  std::filesystem::path avatar_dir;
  // Faces are looked for every 30 frames, and every 6 while someone on screen has no face in the
  // gallery yet (so a returning visitor is recognised within a fraction of a second).
  int face_interval = 30;
  int face_interval_unknown = 6;
  bool someone_unknown = false;
  std::unique_ptr<Cache> cache;
  PoseTracker pose;
  FaceDetector faces;
  BlazeFaceDetector far_faces;  // faces the detector misses in the head region (small, far)
  FaceEmbedder embedder;
  Segmenter segmenter;
  std::unique_ptr<FaceSwapper> swapper;  // face_swap.enabled
  std::string face_tag;                  // avatar_face_tag(): stored with every avatar built
  std::mutex swapper_mutex;
  std::unique_ptr<FaceSwapper> view_swapper;  // its own landmark smoothing for the live view
  std::unique_ptr<FrameWriter> recorder;      // --record
  tracking::Tracker tracker;
  tracking::QualityOptions gate_options;
  StreamServer server;
  std::optional<VmcSender> vmc;  // vmc.enabled
  Metrics metrics;
  AvatarStates avatars;
  std::mutex ready_mutex;
  std::vector<ReadyAvatar> ready;  // filled by workers, drained by the perception thread
  std::map<int, double> present;   // ids announced to clients (pose_update sent) -> first seen
  WorkerPool workers;
  double last_frame_ms = -1;
  double last_status_ms = 0;
  double last_cleanup_ms = -1;
};

}  // namespace am

// Internal to the pipeline: the live path of `run` (frame -> pose -> track -> pose_update),
// shared by pipeline.cpp (set-up and the per-frame loop), pipeline_events.cpp (tracker events,
// announcing avatars) and pipeline_view.cpp (the mirror view). Everything about avatars is behind
// the AvatarService. Not a public header.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>

#include "core/latest_slot.hpp"
#include "io/frame_writer.hpp"
#include "perception/face/blazeface_detector.hpp"
#include "perception/face/face_detector.hpp"
#include "perception/face/face_embedder.hpp"
#include "perception/pose/pose_tracker.hpp"
#include "pipeline/avatar_service.hpp"
#include "pipeline/capture_thread.hpp"
#include "pipeline/metrics.hpp"
#include "pipeline/pipeline.hpp"
#include "pipeline/view_face_swap.hpp"
#include "stream/server.hpp"
#include "stream/vmc_sender.hpp"
#include "tracking/tracker.hpp"

namespace am {

struct Pipeline::Impl {
  Impl(const Config& cfg, PipelineOptions options);

  // pipeline.cpp
  int run();
  void process(Frame& frame);
  void send_vmc(const std::vector<PoseObservation>& persons, const std::vector<int>& ids);
  void report_status(double now_ms, bool final_line);
  // pipeline_view.cpp
  void show_view(const Frame& frame, const std::vector<PoseObservation>& persons,
                 const std::vector<int>& ids);
  // pipeline_events.cpp
  void seed_identities();
  bool seed_identity(const Identity& identity);  // false: unusable or already known
  void handle_events(const tracking::TrackerUpdate& update, double now_ms);
  void announce_ready_avatars(double now_ms);
  void person_left(int id, double now_ms);
  void finish(double now_ms);

  PipelineOptions options;
  LatestSlot<Frame> frames;
  CaptureThread capture;  // opened first: a bad source fails before any model loads
  std::filesystem::path models;
  // Faces are looked for every 30 frames, and every 6 while someone on screen has no face in the
  // gallery yet (so a returning visitor is recognised within a fraction of a second).
  int face_interval = 30;
  int face_interval_unknown = 6;
  bool someone_unknown = false;
  PoseTracker pose;
  FaceDetector faces;
  BlazeFaceDetector far_faces;  // faces the detector misses in the head region (small, far)
  FaceEmbedder embedder;
  std::unique_ptr<ViewFaceSwap> view_swap;  // its own landmark smoothing for the live view
  std::unique_ptr<FrameWriter> recorder;    // --record
  tracking::Tracker tracker;
  StreamServer server;
  std::optional<VmcSender> vmc;  // vmc.enabled
  Metrics metrics;
  std::map<int, double> present;  // ids announced to clients (pose_update sent) -> first seen
  AvatarService avatars;          // last: its workers stop before the rest goes
  double last_frame_ms = -1;
  double last_status_ms = 0;
};

}  // namespace am

#include "pipeline/pipeline.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <set>

#include <spdlog/spdlog.h>

#include "core/clock.hpp"
#include "core/stop_signal.hpp"
#include "models/registry.hpp"
#include "pipeline/conversions.hpp"
#include "pipeline/person_evidence.hpp"
#include "pipeline/pipeline_impl.hpp"
#include "pipeline/pipeline_settings.hpp"

namespace am {

Pipeline::Impl::Impl(const Config& cfg, PipelineOptions opts)
    : options(std::move(opts)),
      capture(
          [spec = source_spec(cfg, options.source), camera = camera_request(cfg)] {
            return open_source(spec, camera, Pacing::Realtime);
          },
          capture_options(source_spec(cfg, options.source), options.loop), frames),
      models(models_dir(cfg)),
      pose(models, pose_options(cfg, true), session_options(cfg)),
      faces(models, FaceBoxOptions{}, session_options(cfg)),
      far_faces(models, BlazeFaceOptions{}, session_options(cfg)),
      embedder(models / kFaceFeatureModelFile, session_options(cfg)),
      tracker(tracker_options_for_site(cfg)),
      server(server_options(cfg)),
      avatars(cfg, models, metrics) {
  server.set_metrics([this] { return metrics.prometheus(); });
  if (options.preview || !options.record.empty()) {
    view_swap = view_face_swap_from(cfg, models);
    if (!options.record.empty())
      recorder = std::make_unique<FrameWriter>(options.record, capture.info().fps);
  }
  if (cfg.get_bool("vmc.enabled")) vmc.emplace(vmc_options(cfg));
  seed_identities();
  const SourceInfo& info = capture.info();
  spdlog::info("source: {} {} ({}x{} at {:.2f} fps)", info.kind, info.description, info.width,
               info.height, info.fps);
  spdlog::info("streaming on ws://{}:{} (HTTP on the same port)", cfg.get_string("websocket.host"),
               server.port());
}

int Pipeline::Impl::run() {
  install_stop_handlers();
  capture.start();
  int64_t processed = 0;
  while (!stop_requested() && (options.max_frames < 0 || processed < options.max_frames)) {
    auto frame = frames.take();
    if (!frame) break;
    process(*frame);
    ++processed;
  }
  capture.stop();
  finish(monotonic_ms());
  if (recorder) recorder->finish();
  report_status(monotonic_ms(), true);
  const char* reason = stop_requested() ? "stopped by signal"
                       : options.max_frames >= 0 && processed >= options.max_frames
                           ? "--max-frames reached"
                           : "end of source";
  spdlog::info("{}: {} frames processed, {} skipped (newer frames replaced them)", reason,
               processed, frames.dropped());
  return 0;
}

void Pipeline::Impl::process(Frame& frame) {
  const double t0 = monotonic_ms();
  const auto persons = pose.process(frame.image, frame.capture_time_ms, true);
  metrics.pose_ms.add(monotonic_ms() - t0);
  std::vector<tracking::PersonInput> inputs;
  std::vector<tracking::PersonEvidence> evidence(persons.size());
  inputs.reserve(persons.size());
  for (size_t i = 0; i < persons.size(); ++i) {
    inputs.push_back(to_person_input(persons[i]));
    evidence[i].body = body_appearance(frame.image, persons[i]);
  }
  const int interval = someone_unknown ? face_interval_unknown : face_interval;
  if (frame.index % interval == 0 && !persons.empty()) {
    const double f0 = monotonic_ms();
    for (size_t i = 0; i < persons.size(); ++i) {
      evidence[i].face = face_sample(frame.image, persons[i], faces, embedder, &far_faces);
      if (evidence[i].face) inputs[i].face = evidence[i].face->embedding;
    }
    metrics.faces_ms.add(monotonic_ms() - f0);
  }
  for (const Identity& shared : avatars.take_shared_identities()) seed_identity(shared);
  const auto update = tracker.update(inputs, frame.capture_time_ms, evidence);
  someone_unknown = std::any_of(update.ids.begin(), update.ids.end(), [&](int id) {
    return id == 0 || tracker.gallery().embeddings(id).empty();
  });
  const double now = monotonic_ms();
  announce_ready_avatars(now);
  handle_events(update, now);

  PoseFrame message;
  for (size_t i = 0; i < persons.size(); ++i) {
    const int id = update.ids[i];
    if (id == 0) continue;
    present.emplace(id, now);
    message.persons.push_back(
        person_pose(id, persons[i], avatars.bind_pose(id), frame.capture_time_ms));
  }
  server.broadcast_pose(message);
  send_vmc(persons, update.ids);
  const double sent = monotonic_ms();
  metrics.latency_ms.add(sent - frame.capture_time_ms);
  for (size_t i = 0; i < persons.size(); ++i)
    if (update.ids[i] != 0) avatars.consider(update.ids[i], persons[i], inputs[i], frame);
  show_view(frame, persons, update.ids);

  metrics.frames++;
  metrics.frames_dropped = frames.dropped();
  metrics.people = static_cast<int64_t>(message.persons.size());
  metrics.clients = static_cast<int64_t>(server.stats().clients);
  if (last_frame_ms >= 0) metrics.frame_interval_ms.add(frame.capture_time_ms - last_frame_ms);
  std::set<int> on_screen;
  for (const auto& [id, since] : present) on_screen.insert(id);
  avatars.maybe_clean_cache(sent, on_screen);
  last_frame_ms = frame.capture_time_ms;
  report_status(sent, false);
}

// VMC carries one skeleton: the first tracked person whose avatar (bind pose) is known.
void Pipeline::Impl::send_vmc(const std::vector<PoseObservation>& persons,
                              const std::vector<int>& ids) {
  if (!vmc) return;
  for (size_t i = 0; i < persons.size(); ++i) {
    const BindPose* bind = ids[i] != 0 ? avatars.bind_pose(ids[i]) : nullptr;
    if (!bind) continue;
    vmc->send_frame(*bind, bone_rotations(*bind, landmark_points(persons[i].world_landmarks)));
    return;
  }
}

void Pipeline::Impl::report_status(double now_ms, bool final_line) {
  static const bool tty = ::isatty(STDERR_FILENO) != 0;
  const double every_ms = tty ? 1000 : 5000;
  if (!final_line && now_ms - last_status_ms < every_ms) return;
  last_status_ms = now_ms;
  if (tty && !final_line) {
    std::fprintf(stderr, "\r%s   ", metrics.status_line().c_str());
    std::fflush(stderr);
  } else {
    if (tty) std::fprintf(stderr, "\n");
    spdlog::info("{}", metrics.status_line());
  }
}

Pipeline::Pipeline(const Config& cfg, PipelineOptions options)
    : impl_(std::make_unique<Impl>(cfg, std::move(options))) {}

Pipeline::~Pipeline() = default;

int Pipeline::run() { return impl_->run(); }

}  // namespace am

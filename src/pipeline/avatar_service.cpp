#include "pipeline/avatar_service.hpp"

#include <chrono>

#include <spdlog/spdlog.h>

#include "core/clock.hpp"
#include "core/paths.hpp"
#include "jobs/avatar_files.hpp"
#include "pipeline/pipeline_settings.hpp"

namespace am {
namespace {

constexpr double kCacheCleanupEveryMs = 10 * 60 * 1000;
constexpr std::chrono::hours kAvatarFileMaxAge{1};

// The cache's age and size limits, then avatar files of people gone for an hour.
void clean_cache(Cache& cache, const std::filesystem::path& avatar_dir,
                 const std::set<int>& on_screen) {
  const std::size_t entries = cache.cleanup();
  const std::size_t files = remove_stale_avatar_files(avatar_dir, on_screen, kAvatarFileMaxAge);
  if (entries + files > 0)
    spdlog::info(
        "cache cleanup: {} entries past cache.ttl_hours or cache.max_size_mb and {} old avatar "
        "files removed",
        entries, files);
}

void log_gate_refusal(int id, const tracking::QualityResult& quality) {
  if (!spdlog::should_log(spdlog::level::debug)) return;
  for (const auto& reason : quality.reasons)
    spdlog::debug("person {} not ready for an avatar: {}", id, tracking::describe(reason));
}

}  // namespace

AvatarService::AvatarService(const Config& cfg, const std::filesystem::path& models,
                             Metrics& metrics)
    : metrics_(metrics),
      avatar_dir_(avatar_dir(cfg)),
      cache_(make_cache(cfg)),
      segmenter_(models, session_options(cfg)),
      faces_(avatar_faces_from(cfg, models)),
      face_mesh_(face_mesh_from(cfg, models)),
      tools_{segmenter_, *cache_, avatar_dir_, face_mesh_.get()},
      gate_options_(gate_options_from(cfg)),
      floor_camera_(builder::floor_camera_settings(cfg)),
      refiner_(refine_options_from(cfg)),
      workers_(static_cast<int>(cfg.get_int("processing.num_workers")), 8) {
  std::filesystem::create_directories(avatar_dir_);
  if (cfg.get_string("builder.mode") == "redis") remote_ = make_remote_builds(cfg);
}

std::unique_ptr<RemoteBuilds> AvatarService::make_remote_builds(const Config& cfg) {
  if (!cfg.get_bool("cache.use_redis"))
    throw ConfigError(
        "builder.mode is redis but cache.use_redis is false: set USE_REDIS=1 (the workers store "
        "avatars in the shared Redis cache) or BUILDER_MODE=local");
  RemoteBuildsSetup setup{build_queue_options(cfg), mirror_name(cfg), avatar_dir_,
                          [this](ReadyAvatar a) {
                            metrics_.avatars_built++;
                            queue_ready(std::move(a));
                          },
                          [this](int id, const std::string& reason) { failed(id, reason); }};
  return std::make_unique<RemoteBuilds>(std::move(setup), *cache_, metrics_);
}

void AvatarService::drain() {
  workers_.drain();
  if (remote_) remote_->wait_for_results(std::chrono::minutes(2));
}

std::vector<Identity> AvatarService::take_shared_identities() {
  return remote_ ? remote_->take_identities() : std::vector<Identity>{};
}

std::vector<Identity> AvatarService::known_identities() const { return cache_->list_identities(); }

void AvatarService::consider(int id, const PoseObservation& person,
                             const tracking::PersonInput& input, const Frame& frame) {
  if (refiner_.wants(id, person, monotonic_ms())) {
    workers_.submit({"refinement of person " + std::to_string(id) + "'s avatar",
                     [this, job = RefineJob{id, frame.image.clone(), person}] { refine(job); }});
    return;
  }
  if (!states_.wants_build(id, monotonic_ms())) return;
  const auto quality = tracking::gate(input, frame.image.size(), frame.image, gate_options_);
  if (!quality.passed) return log_gate_refusal(id, quality);
  const bool queued = workers_.submit(
      {"avatar for person " + std::to_string(id),
       [this,
        job = BuildJob{id, frame.image.clone(), person, "",
                       builder::floor_camera_for(floor_camera_, frame.image.size())},
        seen_ms = frame.capture_time_ms] { dispatch(job, seen_ms); }});
  if (queued) states_.mark_building(id);
}

void AvatarService::dispatch(const BuildJob& job, double seen_ms) {
  try {
    const BuildJob dressed = faces_.dressed(job);
    if (remote_ && remote_->submit(dressed)) return;
    build(dressed, seen_ms);
  } catch (const std::exception& e) {
    failed(job.person_id, e.what());
  }
}

void AvatarService::failed(int id, const std::string& reason) {
  metrics_.avatar_failures++;
  spdlog::warn("avatar of person {} failed, will retry: {}", id, reason);
  states_.post({id, false, std::nullopt});
}

void AvatarService::build(const BuildJob& job, double seen_ms) {
  const double start = monotonic_ms();
  ReadyAvatar built = run_build_job(job, tools_);
  metrics_.build_ms.add(monotonic_ms() - start);
  const builder::BuildReport& report = built.build->report;
  if (!report.floor_note.empty())
    spdlog::warn(
        "avatar of person {}: no stature from the floor camera ({}); it keeps the pose "
        "model's average scale",
        job.person_id, report.floor_note);
  metrics_.avatars_built++;
  spdlog::info(
      "avatar of person {} built in {:.0f} ms ({:.0f} ms after they were seen), {} "
      "vertices, {:.2f} m tall ({})",
      job.person_id, monotonic_ms() - start, monotonic_ms() - seen_ms, built.vertices,
      report.height_m, report.floor_stature_m > 0 ? "floor camera" : "pose model's scale");
  queue_ready(std::move(built));
}

void AvatarService::refine(const RefineJob& job) {
  const double start = monotonic_ms();
  try {
    if (auto refined = refiner_.refine(job, tools_)) {
      spdlog::info("avatar of person {} refined from a turned view in {:.0f} ms: version {}",
                   job.person_id, monotonic_ms() - start, refined->version);
      metrics_.avatars_refined++;
      queue_ready(std::move(*refined));
    }
  } catch (const std::exception& e) {
    spdlog::warn("avatar of person {} not refined from this frame: {}", job.person_id, e.what());
  }
}

void AvatarService::returned(int id) {
  states_.keep(id);
  const auto avatar = cache_->get_avatar(std::to_string(id));
  if (!avatar) return;
  const auto bind = bind_world_from_metadata(avatar->metadata_json);
  if (!bind) {
    spdlog::warn("cached avatar of person {} has no bind pose; building a new one", id);
    return;
  }
  if (face_from_metadata(avatar->metadata_json) != faces_.tag(id)) {
    spdlog::info(
        "cached avatar of person {} wears another face (face_swap settings or their photo in "
        "face_swap.face_map changed); building a new one",
        id);
    return;
  }
  states_.mark_building(id);
  queue_ready({id, write_avatar_file(avatar_dir_, id, avatar->glb), *bind, 0, nullptr});
  metrics_.avatars_from_cache++;
}

void AvatarService::left(int id) {
  states_.forget(id);
  refiner_.forget(id);
}

void AvatarService::remember(int id, const std::vector<std::vector<float>>& embeddings,
                             const tracking::BodyAppearance* body) {
  const std::string key = std::to_string(id);
  Identity identity = cache_->get_identity(key).value_or(Identity{key, {}, 0, 0, {}, 0});
  if (identity.first_seen_ms == 0) identity.first_seen_ms = unix_now_ms();
  identity.last_seen_ms = unix_now_ms();
  identity.embeddings = embeddings;
  if (body) {
    identity.body = tracking::to_floats(*body);
    identity.body_version = tracking::kBodyAppearanceVersion;
  }
  cache_->put_identity(identity);
}

void AvatarService::forget_identity(int id) {
  refiner_.forget(id);
  cache_->remove(std::to_string(id));
}

void AvatarService::queue_ready(ReadyAvatar avatar) { ready_.post(std::move(avatar)); }

std::vector<AvatarAnnouncement> AvatarService::take_ready(double now_ms) {
  std::vector<AvatarAnnouncement> out;
  std::vector<ReadyAvatar> built;
  for (ReadyAvatar& avatar : ready_.take_all()) {
    BindPose bind = make_bind_pose(avatar.bind_world);
    if (avatar.version == 1) states_.post({avatar.person_id, true, bind});
    out.push_back({avatar.person_id, avatar.glb_path, std::move(bind), avatar.version});
    if (avatar.build) built.push_back(std::move(avatar));
  }
  states_.apply_posted(now_ms);
  for (ReadyAvatar& avatar : built) {  // refinable once announced (not if they left meanwhile)
    if (states_.bind_pose(avatar.person_id))
      refiner_.keep(avatar.person_id, std::move(avatar.build));
  }
  return out;
}

void AvatarService::maybe_clean_cache(double now_ms, const std::set<int>& on_screen) {
  if (last_cleanup_ms_ >= 0 && now_ms - last_cleanup_ms_ < kCacheCleanupEveryMs) return;
  const bool queued = workers_.submit(
      {"cache cleanup", [this, on_screen] { clean_cache(*cache_, avatar_dir_, on_screen); }});
  if (queued) last_cleanup_ms_ = now_ms;
}

}  // namespace am

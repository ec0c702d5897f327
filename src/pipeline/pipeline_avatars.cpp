#include <chrono>
#include <set>

#include <spdlog/spdlog.h>

#include "core/clock.hpp"
#include "pipeline/avatar_files.hpp"
#include "pipeline/conversions.hpp"
#include "pipeline/pipeline_impl.hpp"

namespace am {
namespace {

constexpr double kCacheCleanupEveryMs = 10 * 60 * 1000;
constexpr std::chrono::hours kAvatarFileMaxAge{1};

std::string glb_string(const std::vector<uint8_t>& bytes) {
  return std::string(reinterpret_cast<const char*>(bytes.data()), bytes.size());
}

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

// The identity's body appearance when it was stored in the layout this build reads.
std::optional<tracking::BodyAppearance> stored_body(const Identity& identity) {
  if (identity.body_version != tracking::kBodyAppearanceVersion) return std::nullopt;
  return tracking::body_from_floats(identity.body);
}

}  // namespace

void Pipeline::Impl::seed_identities() {
  int seeded = 0;
  const double now = monotonic_ms();
  const std::int64_t unix_now = unix_now_ms();
  for (const auto& identity : cache->list_identities()) {
    char* end = nullptr;
    const long id = std::strtol(identity.id.c_str(), &end, 10);
    const auto body = stored_body(identity);
    if (*end != '\0' || id <= 0 || (identity.embeddings.empty() && !body)) continue;
    // The tracker's clock is monotonic_ms(): when it last saw them is that long ago.
    const double seen = now - static_cast<double>(unix_now - identity.last_seen_ms);
    tracker.seed_identity(static_cast<int>(id), identity.embeddings, body, seen);
    ++seeded;
  }
  if (seeded > 0) spdlog::info("{} known visitor(s) loaded from the cache", seeded);
}

void Pipeline::Impl::handle_events(const tracking::TrackerUpdate& update, double now_ms) {
  for (const auto& event : update.events) {
    switch (event.type) {
      case tracking::TrackEventType::NewPerson:
        spdlog::info("person {} arrived", event.id);
        break;
      case tracking::TrackEventType::Left:
        person_left(event.id, now_ms);
        break;
      case tracking::TrackEventType::Returned:
        spdlog::info(
            "person {} came back (recognised by {}: face cosine {:.2f}, body distance "
            "{:.2f})",
            event.id, tracking::to_string(tracker.last_decision().basis),
            tracker.last_decision().face_similarity, tracker.last_decision().body_distance);
        if (event.replaced_id != 0) {
          // The fresh id was this returning person all along: forget it, cache included.
          person_left(event.replaced_id, now_ms);
          cache->remove(std::to_string(event.replaced_id));
        }
        avatars.keep(event.id);
        send_cached_avatar(event.id);
        break;
      case tracking::TrackEventType::GalleryChanged: {
        const std::string key = std::to_string(event.id);
        Identity identity = cache->get_identity(key).value_or(Identity{key, {}, 0, 0, {}, 0});
        if (identity.first_seen_ms == 0) identity.first_seen_ms = unix_now_ms();
        identity.last_seen_ms = unix_now_ms();
        identity.embeddings = tracker.gallery().embeddings(event.id);
        if (const auto* body = tracker.gallery().body(event.id)) {
          identity.body = tracking::to_floats(*body);
          identity.body_version = tracking::kBodyAppearanceVersion;
        }
        cache->put_identity(identity);
        break;
      }
      case tracking::TrackEventType::Updated:
        break;
    }
  }
}

void Pipeline::Impl::maybe_build(int id, const PoseObservation& person,
                                 const tracking::PersonInput& input, const Frame& frame,
                                 double now_ms) {
  if (!avatars.wants_build(id, now_ms)) return;
  const auto quality = tracking::gate(input, frame.image.size(), frame.image, gate_options);
  if (!quality.passed) {
    if (spdlog::should_log(spdlog::level::debug))
      for (const auto& reason : quality.reasons)
        spdlog::debug("person {} not ready for an avatar: {}", id, tracking::describe(reason));
    return;
  }
  cv::Mat image = frame.image.clone();
  const double seen_ms = frame.capture_time_ms;
  const bool queued = workers.submit(
      {"avatar for person " + std::to_string(id), [=, this] {
         const double start = monotonic_ms();
         try {
           cv::Mat photo = image;
           if (swapper) {
             std::lock_guard lock(swapper_mutex);
             swapper->reset();
             photo = swapper->swap(image);
           }
           const auto build = builder::build_avatar(photo, person, segmenter);
           const Landmarks bind = to_stream_landmarks(build.bind_world);
           const std::string glb = glb_string(build.glb);
           const auto path = write_avatar_file(avatar_dir, id, glb);
           cache->put_avatar(
               {std::to_string(id), glb,
                avatar_metadata(bind, builder::report_to_json(build.report), face_tag),
                unix_now_ms()});
           metrics.build_ms.add(monotonic_ms() - start);
           metrics.avatars_built++;
           spdlog::info(
               "avatar of person {} built in {:.0f} ms ({:.0f} ms after they were seen), {} "
               "vertices",
               id, monotonic_ms() - start, monotonic_ms() - seen_ms, build.report.vertices);
           std::lock_guard lock(ready_mutex);
           ready.push_back({id, path, bind});
         } catch (const std::exception& e) {
           metrics.avatar_failures++;
           spdlog::warn("avatar of person {} failed, will retry: {}", id, e.what());
           avatars.post({id, false, std::nullopt});
         }
       }});
  if (queued) avatars.mark_building(id);
}

void Pipeline::Impl::announce_ready_avatars(double now_ms) {
  std::vector<ReadyAvatar> done;
  {
    std::lock_guard lock(ready_mutex);
    done.swap(ready);
  }
  for (auto& avatar : done) {
    BindPose bind = make_bind_pose(avatar.bind_world);
    avatars.post({avatar.person_id, true, bind});
    NewCharacter message;
    message.person_id = avatar.person_id;
    message.mesh_path = avatar.glb_path.string();
    message.skeleton_data = skeleton_data(bind);
    message.timestamp = now_ms;
    if (present.count(avatar.person_id)) server.send_new_character(std::move(message));
  }
  avatars.apply_posted(now_ms);
}

void Pipeline::Impl::send_cached_avatar(int id) {
  const auto avatar = cache->get_avatar(std::to_string(id));
  if (!avatar) return;
  const auto bind = bind_world_from_metadata(avatar->metadata_json);
  if (!bind) {
    spdlog::warn("cached avatar of person {} has no bind pose; building a new one", id);
    return;
  }
  if (face_from_metadata(avatar->metadata_json) != face_tag) {
    spdlog::info(
        "cached avatar of person {} wears another face (face_swap settings changed); "
        "building a new one",
        id);
    return;
  }
  avatars.mark_building(id);
  std::lock_guard lock(ready_mutex);
  ready.push_back({id, write_avatar_file(avatar_dir, id, avatar->glb), *bind});
  metrics.avatars_from_cache++;
}

void Pipeline::Impl::maybe_clean_cache(double now_ms) {
  if (last_cleanup_ms >= 0 && now_ms - last_cleanup_ms < kCacheCleanupEveryMs) return;
  std::set<int> on_screen;
  for (const auto& [id, since] : present) on_screen.insert(id);
  const bool queued = workers.submit(
      {"cache cleanup", [this, on_screen] { clean_cache(*cache, avatar_dir, on_screen); }});
  if (queued) last_cleanup_ms = now_ms;
}

void Pipeline::Impl::person_left(int id, double now_ms) {
  spdlog::info("person {} left", id);
  avatars.forget(id);
  if (present.erase(id) > 0) server.send_person_left({id, now_ms});
}

void Pipeline::Impl::finish(double now_ms) {
  workers.drain();
  announce_ready_avatars(now_ms);
  for (const auto& [id, since] : std::map<int, double>(present)) person_left(id, now_ms);
  workers.stop();
  server.close_all(2.0);
}

}  // namespace am

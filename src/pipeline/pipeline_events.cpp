#include <spdlog/spdlog.h>

#include "core/clock.hpp"
#include "pipeline/pipeline_impl.hpp"

namespace am {
namespace {

// The identity's body appearance when it was stored in the layout this build reads.
std::optional<tracking::BodyAppearance> stored_body(const Identity& identity) {
  if (identity.body_version != tracking::kBodyAppearanceVersion) return std::nullopt;
  return tracking::body_from_floats(identity.body);
}

}  // namespace

bool Pipeline::Impl::seed_identity(const Identity& identity) {
  char* end = nullptr;
  const long id = std::strtol(identity.id.c_str(), &end, 10);
  const auto body = stored_body(identity);
  if (*end != '\0' || id <= 0 || id > INT32_MAX || (identity.embeddings.empty() && !body))
    return false;
  if (!tracker.gallery().embeddings(static_cast<int>(id)).empty() ||
      tracker.gallery().body(static_cast<int>(id)))
    return false;  // known here
  // The tracker's clock is monotonic_ms(): when it last saw them is that long ago.
  const double seen = monotonic_ms() - static_cast<double>(unix_now_ms() - identity.last_seen_ms);
  tracker.seed_identity(static_cast<int>(id), identity.embeddings, body, seen);
  return true;
}

void Pipeline::Impl::seed_identities() {
  int seeded = 0;
  for (const auto& identity : avatars.known_identities()) seeded += seed_identity(identity);
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
            "person {} came back (recognised by {}: face cosine {:.2f}, body distance {:.2f})",
            event.id, tracking::to_string(tracker.last_decision().basis),
            tracker.last_decision().face_similarity, tracker.last_decision().body_distance);
        if (event.replaced_id != 0) {
          // The fresh id was this returning person all along: forget it, cache included.
          person_left(event.replaced_id, now_ms);
          avatars.forget_identity(event.replaced_id);
        }
        avatars.returned(event.id);
        break;
      case tracking::TrackEventType::GalleryChanged:
        avatars.remember(event.id, tracker.gallery().embeddings(event.id),
                         tracker.gallery().body(event.id));
        break;
      case tracking::TrackEventType::Updated:
        break;
    }
  }
}

void Pipeline::Impl::announce_ready_avatars(double now_ms) {
  for (auto& avatar : avatars.take_ready(now_ms)) {
    if (!present.count(avatar.person_id)) continue;
    if (avatar.version > 1) {
      server.send_avatar_updated(
          {avatar.person_id, avatar.glb_path.string(), "", avatar.version, now_ms});
      continue;
    }
    NewCharacter message;
    message.person_id = avatar.person_id;
    message.mesh_path = avatar.glb_path.string();
    message.skeleton_data = skeleton_data(avatar.bind);
    message.timestamp = now_ms;
    server.send_new_character(std::move(message));
  }
}

void Pipeline::Impl::person_left(int id, double now_ms) {
  spdlog::info("person {} left", id);
  avatars.left(id);
  if (present.erase(id) > 0) server.send_person_left({id, now_ms});
}

void Pipeline::Impl::finish(double now_ms) {
  avatars.drain();
  announce_ready_avatars(now_ms);
  for (const auto& [id, since] : std::map<int, double>(present)) person_left(id, now_ms);
  avatars.stop();
  server.close_all(2.0);
}

}  // namespace am

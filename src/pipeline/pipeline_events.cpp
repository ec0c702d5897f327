#include <spdlog/spdlog.h>

#include "pipeline/pipeline_impl.hpp"

namespace am {

bool Pipeline::Impl::seed_identity(const Identity& identity) {
  char* end = nullptr;
  const long id = std::strtol(identity.id.c_str(), &end, 10);
  if (*end != '\0' || id <= 0 || id > INT32_MAX || identity.embeddings.empty()) return false;
  if (!tracker.gallery().embeddings(static_cast<int>(id)).empty()) return false;  // known here
  tracker.seed_identity(static_cast<int>(id), identity.embeddings);
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
        spdlog::info("person {} came back", event.id);
        if (event.replaced_id != 0) person_left(event.replaced_id, now_ms);
        avatars.returned(event.id);
        break;
      case tracking::TrackEventType::GalleryChanged:
        avatars.remember_faces(event.id, tracker.gallery().embeddings(event.id));
        break;
      case tracking::TrackEventType::Updated:
        break;
    }
  }
}

void Pipeline::Impl::announce_ready_avatars(double now_ms) {
  for (auto& avatar : avatars.take_ready(now_ms)) {
    if (!present.count(avatar.person_id)) continue;
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

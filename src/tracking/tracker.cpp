#include "tracking/tracker.hpp"

#include <algorithm>

#include "tracking/hungarian.hpp"

namespace am::tracking {

const char* to_string(TrackEventType type) {
  switch (type) {
    case TrackEventType::NewPerson:
      return "new_person";
    case TrackEventType::Updated:
      return "updated";
    case TrackEventType::Left:
      return "left";
    case TrackEventType::Returned:
      return "returned";
    case TrackEventType::GalleryChanged:
      return "gallery_changed";
  }
  return "unknown";
}

Tracker::Tracker(const TrackerOptions& options)
    : options_(options), gallery_(options.gallery), next_id_(options.first_id) {}

void Tracker::seed_identity(int id, std::vector<FaceEmbedding> embeddings) {
  gallery_.seed(id, std::move(embeddings));
  const bool in_block = id >= options_.first_id &&
                        (options_.id_block == 0 || id < options_.first_id + options_.id_block);
  if (in_block) next_id_ = std::max(next_id_, id + 1);
}

TrackerUpdate Tracker::update(const std::vector<PersonInput>& persons, double time_ms) {
  TrackerUpdate out;
  const std::vector<int> track_of_input = match_tracks(persons, time_ms);
  for (const int t : track_of_input) settle_identity(tracks_[t], out.events);
  for (const int t : track_of_input) out.ids.push_back(tracks_[t].id);
  drop_stale(time_ms, out.events);
  return out;
}

// Assigns every input to a track, starting tentative tracks for the unmatched ones; returns the
// track index of each input.
std::vector<int> Tracker::match_tracks(const std::vector<PersonInput>& persons, double time_ms) {
  std::vector<PersonInput> predicted;
  for (auto& track : tracks_) {
    track.matched = false;
    predicted.push_back(predict(track, time_ms, options_.max_prediction_ms));
  }
  const cv::Mat1d cost = cost_matrix(predicted, persons, options_.cost);
  const std::vector<int> assignment = solve_assignment(cost);

  std::vector<int> track_of_input(persons.size(), -1);
  for (int t = 0; t < static_cast<int>(assignment.size()); ++t) {
    const int d = assignment[t];
    if (d < 0 || cost(t, d) > options_.max_cost) {
      tracks_[t].misses += 1;
      continue;
    }
    absorb(tracks_[t], persons[d], time_ms, options_.velocity_smoothing);
    track_of_input[d] = t;
  }
  for (std::size_t d = 0; d < persons.size(); ++d) {
    if (track_of_input[d] >= 0) continue;
    tracks_.push_back(start_track(persons[d], time_ms));
    track_of_input[d] = static_cast<int>(tracks_.size()) - 1;
  }
  return track_of_input;
}

void Tracker::settle_identity(Track& track, std::vector<TrackEvent>& events) {
  if (!track.confirmed && track.hits < options_.confirm_hits) return;
  const bool has_face = !track.last.face.empty();
  if (!track.confirmed) {
    track.confirmed = true;
    track.face_checked = has_face;
    if (!(has_face && reclaim_identity(track, events))) {
      track.id = next_id_++;
      events.push_back({TrackEventType::NewPerson, track.id, 0});
    }
  } else if (has_face && !track.face_checked) {
    track.face_checked = true;
    if (!reclaim_identity(track, events)) events.push_back({TrackEventType::Updated, track.id, 0});
  } else {
    events.push_back({TrackEventType::Updated, track.id, 0});
  }
  if (has_face && gallery_.add(track.id, track.last.face)) {
    events.push_back({TrackEventType::GalleryChanged, track.id, 0});
  }
}

// Gives the track the gallery id its face matches, when that person is not on screen; a lost
// track still holding that id is dropped. Returns false when nothing matched.
bool Tracker::reclaim_identity(Track& track, std::vector<TrackEvent>& events) {
  const auto match = gallery_.best_match(track.last.face, ids_on_screen_except(track));
  if (!match) return false;
  for (auto& other : tracks_) {
    if (&other != &track && other.confirmed && other.id == match->id) other.dead = true;
  }
  const int replaced = track.id;
  if (replaced != 0) gallery_.remove(replaced);
  track.id = match->id;
  events.push_back({TrackEventType::Returned, track.id, replaced});
  return true;
}

std::set<int> Tracker::ids_on_screen_except(const Track& track) const {
  std::set<int> ids;
  for (const auto& other : tracks_) {
    if (&other != &track && other.confirmed && other.matched && !other.dead) ids.insert(other.id);
  }
  return ids;
}

void Tracker::drop_stale(double time_ms, std::vector<TrackEvent>& events) {
  std::erase_if(tracks_, [&](const Track& track) {
    if (track.dead || track.matched) return track.dead;
    if (!track.confirmed) return track.misses > options_.max_tentative_misses;
    if (time_ms - track.last_seen_ms <= options_.lost_timeout_ms) return false;
    events.push_back({TrackEventType::Left, track.id, 0});
    return true;
  });
}

}  // namespace am::tracking

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

namespace {

// A face without measurements: taken as one clear, frontal face.
FaceSample clear_face(const FaceEmbedding& embedding, const FaceQualityOptions& options) {
  return {embedding, options.full_width_px, 1.0f, options.full_sharpness, 0};
}

// True at first, 2 x first, 4 x first, ...
bool at_doubling(int n, int first) {
  if (first <= 0 || n < first || n % first != 0) return false;
  const int k = n / first;
  return (k & (k - 1)) == 0;
}

}  // namespace

Tracker::Tracker(const TrackerOptions& options)
    : options_(options), gallery_(options.gallery), next_id_(options.first_id) {}

void Tracker::seed_identity(int id, std::vector<FaceEmbedding> embeddings,
                            const std::optional<BodyAppearance>& body, double body_seen_ms) {
  gallery_.seed(id, std::move(embeddings));
  if (body) gallery_.set_body(id, *body, body_seen_ms);
  const bool in_block = id >= options_.first_id &&
                        (options_.id_block == 0 || id < options_.first_id + options_.id_block);
  if (in_block) next_id_ = std::max(next_id_, id + 1);
}

TrackerUpdate Tracker::update(const std::vector<PersonInput>& persons, double time_ms,
                              const std::vector<PersonEvidence>& evidence) {
  TrackerUpdate out;
  const std::vector<int> track_of_input = match_tracks(persons, time_ms);
  for (std::size_t d = 0; d < persons.size(); ++d)
    gather_evidence(tracks_[track_of_input[d]], persons[d],
                    d < evidence.size() ? &evidence[d] : nullptr);
  for (const int t : track_of_input) settle_identity(tracks_[t], time_ms, out.events);
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

void Tracker::gather_evidence(Track& track, const PersonInput& person,
                              const PersonEvidence* evidence) {
  std::optional<FaceSample> face = evidence ? evidence->face : std::nullopt;
  if (!face && !person.face.empty()) face = clear_face(person.face, options_.face_quality);
  if (face && keep_best_face(track.best_faces, std::move(*face), options_.face_quality))
    track.evidence_changed = true;
  if (evidence && evidence->body) {
    accumulate(track.body, *evidence->body);
    if (at_doubling(track.body.observations, options_.identity.min_body_frames))
      track.evidence_changed = true;
  }
}

void Tracker::settle_identity(Track& track, double time_ms, std::vector<TrackEvent>& events) {
  if (!track.confirmed && track.hits < options_.confirm_hits) return;
  if (!track.confirmed) {
    if (!confirm(track, time_ms, events)) return;
  } else if (track.fresh_id && track.evidence_changed &&
             time_ms - track.confirmed_ms <= options_.recheck_window_ms) {
    if (!reclaim_identity(track, time_ms, events))
      events.push_back({TrackEventType::Updated, track.id, 0});
  } else {
    events.push_back({TrackEventType::Updated, track.id, 0});
  }
  track.evidence_changed = false;
  store_evidence(track, time_ms, events);
}

// A track with confirm_hits matches gets its returning id, or a fresh one; but while its body
// nearly matches someone (IdentityDecision::near) it stays tentative for up to max_hold_frames,
// asked again as its evidence grows, so a returning visitor does not flash up under a new id.
// Returns false while held.
bool Tracker::confirm(Track& track, double time_ms, std::vector<TrackEvent>& events) {
  const bool ask = !track.held || track.evidence_changed;
  track.evidence_changed = false;
  if (ask && reclaim_identity(track, time_ms, events)) {
    track.confirmed = true;
    track.confirmed_ms = time_ms;
    return true;
  }
  if (ask) track.held = last_decision_.near;
  if (track.held && track.hits < options_.confirm_hits + options_.max_hold_frames) return false;
  track.confirmed = true;
  track.confirmed_ms = time_ms;
  track.id = next_id_++;
  track.fresh_id = true;
  events.push_back({TrackEventType::NewPerson, track.id, 0});
  return true;
}

// Gives the track the gallery id its evidence returns (decide_identity), when that person is not
// on screen; a lost track still holding that id is dropped. Returns false when nothing matched.
bool Tracker::reclaim_identity(Track& track, double time_ms, std::vector<TrackEvent>& events) {
  std::set<int> exclude = ids_on_screen_except(track);
  exclude.insert(track.id);
  std::vector<KnownIdentity> known;
  for (const int id : gallery_.ids())
    if (!exclude.contains(id))
      known.push_back({id, &gallery_.embeddings(id), gallery_.body(id), gallery_.last_seen(id)});
  const IdentityEvidence evidence{aggregate_faces(track.best_faces), track.body.observations > 0
                                                                         ? std::optional(track.body)
                                                                         : std::nullopt};
  last_decision_ = decide_identity(evidence, known, time_ms, options_.identity);
  if (last_decision_.id == 0) return false;
  const int match = last_decision_.id;
  for (auto& other : tracks_) {
    if (&other != &track && other.confirmed && other.id == match) other.dead = true;
  }
  const int replaced = track.id;
  if (replaced != 0) gallery_.remove(replaced);
  track.id = match;
  track.fresh_id = false;
  track.body_stored_at = 0;
  events.push_back({TrackEventType::Returned, track.id, replaced});
  return true;
}

// Puts the track's clear faces and (at min_body_frames, then at every doubling) its body into the
// gallery under its id.
void Tracker::store_evidence(Track& track, double time_ms, std::vector<TrackEvent>& events) {
  gallery_.touch(track.id, time_ms);
  bool changed = false;
  const FaceAggregate face = aggregate_faces(track.best_faces);
  if (face.quality >= options_.identity.clear_face_quality)
    changed = gallery_.add(track.id, face.embedding);
  const int frames = track.body.observations;
  if (frames >= options_.identity.min_body_frames &&
      (track.body_stored_at == 0 || frames >= 2 * track.body_stored_at)) {
    gallery_.set_body(track.id, track.body, time_ms);
    track.body_stored_at = frames;
    changed = true;
  }
  if (changed) events.push_back({TrackEventType::GalleryChanged, track.id, 0});
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

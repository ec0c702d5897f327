// Stable person ids across frames, with re-identification by face. Takes, per frame, the people
// seen (PersonInput, in any order) and the frame time; gives the person id of each input and the
// events of the frame, optionally with each person's measured evidence (face quality, body
// appearance). A new detection starts a tentative track (no id); after confirm_hits matches it is
// confirmed: if its evidence (best faces, body appearance) returns a gallery identity that is not
// on screen (decide_identity(), identity_decision.hpp) it takes that id back (Returned), else it
// gets a fresh id (NewPerson), after up to max_hold_frames more frames when its body nearly
// matches someone; within recheck_window_ms a fresh id is re-decided whenever its
// evidence grows (a better face, twice the body frames). A confirmed track unmatched for more than
// lost_timeout_ms is removed (Left); its faces and body stay in the gallery. Matching each frame
// is an optimal assignment (Hungarian) on match_cost() against the tracks' predicted positions.
// Not thread-safe: one Tracker per video stream.
#pragma once

#include <set>
#include <vector>

#include "tracking/face_gallery.hpp"
#include "tracking/identity_decision.hpp"
#include "tracking/match_cost.hpp"
#include "tracking/track.hpp"

namespace am::tracking {

struct TrackerOptions {
  int confirm_hits = 3;            // matches before a track gets an id
  int max_tentative_misses = 1;    // a tentative track missing more frames is dropped
  double lost_timeout_ms = 2000;   // a confirmed track unseen longer than this has left
  double max_cost = 0.6;           // pairs costing more are never matched
  double max_prediction_ms = 500;  // motion is extrapolated at most this far
  float velocity_smoothing = 0.5f;
  double recheck_window_ms = 10000;  // a fresh id may still turn out to be a return this long
  int max_hold_frames = 9;           // a body that nearly matches someone waits this long for an id
  // New people get ids first_id, first_id + 1, ... within [first_id, first_id + id_block) (0: no
  // end), so mirrors sharing one cache hand out ids that never collide; seeding an identity from
  // outside that block does not move the next id.
  int first_id = 1;
  int id_block = 0;
  CostOptions cost;
  GalleryOptions gallery;
  FaceQualityOptions face_quality;
  IdentityOptions identity;
};

// What was measured about one person in one frame beyond the pose. A PersonInput with a face but
// no FaceSample here counts as one clear face.
struct PersonEvidence {
  std::optional<FaceSample> face;
  std::optional<BodyAppearance> body;
};

enum class TrackEventType {
  NewPerson,       // id appears for the first time
  Updated,         // id was seen again this frame
  Left,            // id timed out
  Returned,        // id is back (face matched the gallery); send its cached avatar.
                   // replaced_id != 0: the person was on screen as replaced_id until now
  GalleryChanged,  // id's embeddings or body changed; store gallery().embeddings(id) and
                   // gallery().body(id) in the cache
};

struct TrackEvent {
  TrackEventType type = TrackEventType::Updated;
  int id = 0;
  int replaced_id = 0;
  bool operator==(const TrackEvent&) const = default;
};

struct TrackerUpdate {
  std::vector<int> ids;  // one per input, same order: its person id, 0 while tentative
  std::vector<TrackEvent> events;
};

const char* to_string(TrackEventType type);

class Tracker {
 public:
  explicit Tracker(const TrackerOptions& options = {});

  // Adds a known identity (from the cache); fresh ids are then above every seeded id. body_seen_ms:
  // when the body was last seen, on the clock of update()'s time_ms.
  void seed_identity(int id, std::vector<FaceEmbedding> embeddings,
                     const std::optional<BodyAppearance>& body = std::nullopt,
                     double body_seen_ms = 0);

  // time_ms must not decrease between calls; evidence: empty, or one per person.
  TrackerUpdate update(const std::vector<PersonInput>& persons, double time_ms,
                       const std::vector<PersonEvidence>& evidence = {});

  // How the identity of the last confirmed or re-decided track was decided (for logs, benches).
  const IdentityDecision& last_decision() const { return last_decision_; }

  const FaceGallery& gallery() const { return gallery_; }
  std::size_t track_count() const { return tracks_.size(); }

 private:
  std::vector<int> match_tracks(const std::vector<PersonInput>& persons, double time_ms);
  void gather_evidence(Track& track, const PersonInput& person, const PersonEvidence* evidence);
  void settle_identity(Track& track, double time_ms, std::vector<TrackEvent>& events);
  bool confirm(Track& track, double time_ms, std::vector<TrackEvent>& events);
  bool reclaim_identity(Track& track, double time_ms, std::vector<TrackEvent>& events);
  void store_evidence(Track& track, double time_ms, std::vector<TrackEvent>& events);
  std::set<int> ids_on_screen_except(const Track& track) const;
  void drop_stale(double time_ms, std::vector<TrackEvent>& events);

  TrackerOptions options_;
  FaceGallery gallery_;
  std::vector<Track> tracks_;
  int next_id_ = 1;
  IdentityDecision last_decision_;
};

}  // namespace am::tracking

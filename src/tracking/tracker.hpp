// Stable person ids across frames, with re-identification by face. Takes, per frame, the people
// seen (PersonInput, in any order) and the frame time; gives the person id of each input and the
// events of the frame. A new detection starts a tentative track (no id); after confirm_hits matches
// it is confirmed: if its face matches a gallery identity that is not on screen it takes that id
// back (Returned), else it gets a fresh id (NewPerson). A confirmed track unmatched for more than
// lost_timeout_ms is removed (Left); its faces stay in the gallery. Matching each frame is an
// optimal assignment (Hungarian) on match_cost() against the tracks' predicted positions.
// Not thread-safe: one Tracker per video stream.
#pragma once

#include <set>
#include <vector>

#include "tracking/face_gallery.hpp"
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
  // New people get ids first_id, first_id + 1, ... within [first_id, first_id + id_block) (0: no
  // end), so mirrors sharing one cache hand out ids that never collide; seeding an identity from
  // outside that block does not move the next id.
  int first_id = 1;
  int id_block = 0;
  CostOptions cost;
  GalleryOptions gallery;
};

enum class TrackEventType {
  NewPerson,       // id appears for the first time
  Updated,         // id was seen again this frame
  Left,            // id timed out
  Returned,        // id is back (face matched the gallery); send its cached avatar.
                   // replaced_id != 0: the person was on screen as replaced_id until now
  GalleryChanged,  // id's embeddings changed; store gallery().embeddings(id) in the cache
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

  // Adds a known identity (from the cache); fresh ids are then above every seeded id.
  void seed_identity(int id, std::vector<FaceEmbedding> embeddings);

  // time_ms must not decrease between calls.
  TrackerUpdate update(const std::vector<PersonInput>& persons, double time_ms);

  const FaceGallery& gallery() const { return gallery_; }
  std::size_t track_count() const { return tracks_.size(); }

 private:
  std::vector<int> match_tracks(const std::vector<PersonInput>& persons, double time_ms);
  void settle_identity(Track& track, std::vector<TrackEvent>& events);
  bool reclaim_identity(Track& track, std::vector<TrackEvent>& events);
  std::set<int> ids_on_screen_except(const Track& track) const;
  void drop_stale(double time_ms, std::vector<TrackEvent>& events);

  TrackerOptions options_;
  FaceGallery gallery_;
  std::vector<Track> tracks_;
  int next_id_ = 1;
};

}  // namespace am::tracking

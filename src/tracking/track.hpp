// One tracked person between frames: its latest observation, a constant-velocity motion model
// and its life cycle counters, and the identity evidence gathered over its life (best faces, body
// appearance). predict() gives where the track should be at a time (the motion extrapolated for
// at most max_ms); absorb() folds a matched observation in. Pure functions.
#pragma once

#include "tracking/best_faces.hpp"
#include "tracking/body_appearance.hpp"
#include "tracking/types.hpp"

namespace am::tracking {

struct Track {
  int id = 0;  // person id; 0 while tentative
  bool confirmed = false;
  bool fresh_id = false;  // confirmed under a fresh id; may still turn out to be a return
  bool held = false;      // confirm_hits reached but kept tentative: its body nearly matches
  bool evidence_changed = false;  // a better face or more body frames since the last decision
  bool matched = false;           // matched in the current frame
  bool dead = false;              // its id was taken over by another track; dropped at frame end
  int hits = 0;
  int misses = 0;  // consecutive frames without a match
  double last_seen_ms = 0;
  cv::Point2f velocity;  // box centre, pixels per millisecond
  PersonInput last;      // latest observation; face: the latest face seen, kept across frames
  double confirmed_ms = 0;
  std::vector<FaceSample> best_faces;  // keep_best_face()
  BodyAppearance body;                 // accumulate()d over the frames that brought one
  int body_stored_at = 0;              // body.observations when the gallery last took it
};

Track start_track(const PersonInput& input, double time_ms);

PersonInput predict(const Track& track, double time_ms, double max_ms);

// smoothing: weight of the newest velocity measurement in (0, 1].
void absorb(Track& track, const PersonInput& input, double time_ms, float smoothing);

}  // namespace am::tracking

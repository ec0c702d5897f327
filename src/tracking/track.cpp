#include "tracking/track.hpp"

#include <algorithm>

namespace am::tracking {
namespace {

cv::Point2f centre(const cv::Rect2f& box) {
  return {box.x + box.width / 2, box.y + box.height / 2};
}

void shift(PersonInput& person, cv::Point2f by) {
  person.box.x += by.x;
  person.box.y += by.y;
  for (auto& l : person.landmarks) {
    l.x += by.x;
    l.y += by.y;
  }
}

}  // namespace

Track start_track(const PersonInput& input, double time_ms) {
  Track track;
  track.hits = 1;
  track.matched = true;
  track.last_seen_ms = time_ms;
  track.last = input;
  return track;
}

PersonInput predict(const Track& track, double time_ms, double max_ms) {
  const double dt = std::clamp(time_ms - track.last_seen_ms, 0.0, max_ms);
  PersonInput predicted = track.last;
  shift(predicted, track.velocity * static_cast<float>(dt));
  return predicted;
}

void absorb(Track& track, const PersonInput& input, double time_ms, float smoothing) {
  const double dt = time_ms - track.last_seen_ms;
  if (dt > 0) {
    const cv::Point2f measured = (centre(input.box) - centre(track.last.box)) / dt;
    track.velocity =
        track.hits == 1 ? measured : smoothing * measured + (1 - smoothing) * track.velocity;
  }
  FaceEmbedding face = input.face.empty() ? std::move(track.last.face) : FaceEmbedding(input.face);
  track.last = input;
  track.last.face = std::move(face);
  track.last_seen_ms = time_ms;
  track.hits += 1;
  track.misses = 0;
  track.matched = true;
}

}  // namespace am::tracking

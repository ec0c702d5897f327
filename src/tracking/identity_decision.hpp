// Whether a new track is someone the mirror has seen before: the fusion of face and body evidence.
// Takes what the track gathered (its best faces' aggregate, its body appearance) and the known
// identities (their stored faces, body appearance and when that body was last seen); gives the
// identity it returns as, or none. The rule (docs/tracking.md gives the evidence):
// 1. A clear face (aggregate quality >= clear_face_quality) decides among identities that have
//    faces: the best cosine >= face_threshold returns that identity; otherwise none of them.
// 2. Body alone may return an identity that has no face evidence against it: the track's body
//    has at least min_body_frames frames, the identity's body was seen within body_window_ms
//    (clothes change), the distance is at most body_threshold and the next closest identity is
//    body_margin farther. An identity with stored faces is never returned by body alone when the
//    track has a clear face, nor when any face of the track scores below face_veto against it.
// Prefer a missed return to a wrong one: every doubt gives no match. Pure function.
#pragma once

#include <optional>
#include <vector>

#include "tracking/best_faces.hpp"
#include "tracking/body_appearance.hpp"

namespace am::tracking {

struct IdentityOptions {
  float clear_face_quality = 0.3f;
  float face_threshold = 0.45f;  // kSamePersonThreshold (docs/faces.md)
  float face_veto = 0.2f;
  float body_threshold = 0.3f;
  float body_margin = 0.15f;
  int min_body_frames = 3;
  double body_window_ms = 12 * 3600 * 1000.0;
  BodyDistanceOptions distance;
};

// What a track has gathered about its person.
struct IdentityEvidence {
  FaceAggregate face;
  std::optional<BodyAppearance> body;
};

// A candidate identity; faces and body are views into the gallery, valid during the call.
struct KnownIdentity {
  int id = 0;
  const std::vector<FaceEmbedding>* faces = nullptr;
  const BodyAppearance* body = nullptr;
  double body_seen_ms = 0;  // same clock as now_ms
};

enum class DecisionBasis { None, Face, Body };

struct IdentityDecision {
  int id = 0;  // 0: nobody known
  DecisionBasis basis = DecisionBasis::None;
  float face_similarity = -1;  // best cosine to the chosen (or best face) identity; -1: none
  float body_distance = -1;    // distance to the chosen (or closest body) identity; -1: none
  // No match, but a body candidate within body_threshold + body_margin: more frames may decide.
  bool near = false;
};

IdentityDecision decide_identity(const IdentityEvidence& evidence,
                                 const std::vector<KnownIdentity>& known, double now_ms,
                                 const IdentityOptions& options = {});

const char* to_string(DecisionBasis basis);

}  // namespace am::tracking

#include "tracking/identity_decision.hpp"

#include <algorithm>
#include <limits>

#include "tracking/face_gallery.hpp"

namespace am::tracking {
namespace {

bool has_faces(const KnownIdentity& k) { return k.faces != nullptr && !k.faces->empty(); }

float face_score(const FaceAggregate& face, const KnownIdentity& k) {
  if (face.embedding.empty() || !has_faces(k)) return -1;
  return best_similarity(face.embedding, *k.faces);
}

// Rule 1: the identity with faces that a clear face matches best, when it reaches the threshold.
IdentityDecision by_face(const FaceAggregate& face, const std::vector<KnownIdentity>& known,
                         const IdentityOptions& options) {
  IdentityDecision best;
  for (const auto& k : known) {
    const float sim = face_score(face, k);
    if (sim > best.face_similarity) best = {k.id, DecisionBasis::Face, sim, -1};
  }
  if (best.face_similarity < options.face_threshold)
    return {0, DecisionBasis::None, best.face_similarity, -1};
  return best;
}

// Rule 2: may this identity be returned by body alone, given the track's face evidence?
bool body_candidate(const IdentityEvidence& evidence, const KnownIdentity& k, double now_ms,
                    const IdentityOptions& options) {
  if (k.body == nullptr || now_ms - k.body_seen_ms > options.body_window_ms) return false;
  if (!has_faces(k)) return true;
  if (evidence.face.quality >= options.clear_face_quality) return false;
  return evidence.face.embedding.empty() || face_score(evidence.face, k) >= options.face_veto;
}

IdentityDecision by_body(const IdentityEvidence& evidence, const std::vector<KnownIdentity>& known,
                         double now_ms, const IdentityOptions& options) {
  if (!evidence.body || evidence.body->observations < options.min_body_frames) return {};
  constexpr float kFar = std::numeric_limits<float>::max();
  float best = kFar, second = kFar;
  int best_id = 0;
  for (const auto& k : known) {
    if (k.body == nullptr) continue;
    const auto d = body_distance(*evidence.body, *k.body, options.distance);
    if (!d) continue;
    // Identities that may not be returned by body still count as look-alikes for the margin.
    if (d->total < best && body_candidate(evidence, k, now_ms, options)) {
      second = std::min(second, best);
      best = d->total;
      best_id = k.id;
    } else {
      second = std::min(second, d->total);
    }
  }
  if (best_id == 0) return {};
  IdentityDecision out{0, DecisionBasis::None, -1, best};
  if (best <= options.body_threshold && second - best >= options.body_margin) {
    out.id = best_id;
    out.basis = DecisionBasis::Body;
  } else {
    out.near = best <= options.body_threshold + options.body_margin;
  }
  return out;
}

}  // namespace

IdentityDecision decide_identity(const IdentityEvidence& evidence,
                                 const std::vector<KnownIdentity>& known, double now_ms,
                                 const IdentityOptions& options) {
  IdentityDecision face;
  if (evidence.face.quality >= options.clear_face_quality) {
    face = by_face(evidence.face, known, options);
    if (face.id != 0) return face;
  }
  IdentityDecision body = by_body(evidence, known, now_ms, options);
  body.face_similarity = face.face_similarity;
  return body;
}

const char* to_string(DecisionBasis basis) {
  switch (basis) {
    case DecisionBasis::None:
      return "none";
    case DecisionBasis::Face:
      return "face";
    case DecisionBasis::Body:
      return "body";
  }
  return "unknown";
}

}  // namespace am::tracking

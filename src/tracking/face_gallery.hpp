// The re-identification gallery: for each person id a few diverse face embeddings (capped).
// Takes embeddings from the tracker (and, at start, from the identity cache via seed()); gives the
// best-matching id for a face. Guarantees: at most max_per_id embeddings per id; an embedding
// nearly equal to one already stored (cosine >= redundant_similarity) is not added; one that does
// not look like the id's stored faces (cosine < same_person_threshold to all) is not added either,
// so a wrong association cannot poison an identity. Each id may also carry a body appearance
// (body_appearance.hpp) and when that person was last seen, for re-identification by body.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <vector>

#include "tracking/body_appearance.hpp"
#include "tracking/types.hpp"

namespace am::tracking {

struct GalleryOptions {
  int max_per_id = 5;
  float redundant_similarity = 0.92f;
  float same_person_threshold = 0.45f;  // kSamePersonThreshold of face_embedder.hpp
};

struct GalleryMatch {
  int id = 0;
  float similarity = 0;  // best cosine over the id's embeddings
};

class FaceGallery {
 public:
  explicit FaceGallery(GalleryOptions options = {}) : options_(options) {}

  // Replaces id's embeddings with the first max_per_id of these (from the cache).
  void seed(int id, std::vector<FaceEmbedding> embeddings);

  // Returns true when the embedding was stored (the caller then persists embeddings(id)).
  bool add(int id, const FaceEmbedding& embedding);

  // The id whose embeddings match best, when that similarity reaches same_person_threshold.
  std::optional<GalleryMatch> best_match(const FaceEmbedding& embedding,
                                         const std::set<int>& exclude = {}) const;

  const std::vector<FaceEmbedding>& embeddings(int id) const;
  void remove(int id);
  int max_id() const;  // 0 when empty
  std::size_t size() const { return by_id_.size(); }

  // The id's body appearance (replacing the one stored) and when it was last seen.
  void set_body(int id, const BodyAppearance& body, double seen_ms);
  const BodyAppearance* body(int id) const;  // nullptr when none
  void touch(int id, double seen_ms);        // the id was seen now (its body is current)
  double last_seen(int id) const;            // 0 when unknown
  // Every id with faces or a body.
  std::vector<int> ids() const;

 private:
  struct Body {
    BodyAppearance appearance;
    double seen_ms = 0;
  };
  GalleryOptions options_;
  std::map<int, std::vector<FaceEmbedding>> by_id_;
  std::map<int, Body> bodies_;
};

// Highest cosine similarity of embedding to any of stored; -1 when stored is empty.
float best_similarity(const FaceEmbedding& embedding, const std::vector<FaceEmbedding>& stored);

}  // namespace am::tracking

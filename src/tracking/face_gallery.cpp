#include "tracking/face_gallery.hpp"

#include <algorithm>

#include "tracking/match_cost.hpp"

namespace am::tracking {
namespace {

// Index of the embedding most similar to the rest (the least informative one).
std::size_t most_redundant(const std::vector<FaceEmbedding>& stored) {
  std::size_t worst = 0;
  float worst_sum = -1e9f;
  for (std::size_t i = 0; i < stored.size(); ++i) {
    float sum = 0;
    for (std::size_t j = 0; j < stored.size(); ++j) {
      if (i != j) sum += face_similarity(stored[i], stored[j]).value_or(0.0f);
    }
    if (sum > worst_sum) {
      worst_sum = sum;
      worst = i;
    }
  }
  return worst;
}

}  // namespace

float best_similarity(const FaceEmbedding& embedding, const std::vector<FaceEmbedding>& stored) {
  float best = -1;
  for (const auto& s : stored) best = std::max(best, face_similarity(embedding, s).value_or(-1.0f));
  return best;
}

void FaceGallery::seed(int id, std::vector<FaceEmbedding> embeddings) {
  std::erase_if(embeddings, [](const FaceEmbedding& e) { return e.empty(); });
  if (embeddings.size() > static_cast<std::size_t>(options_.max_per_id)) {
    embeddings.resize(options_.max_per_id);
  }
  by_id_[id] = std::move(embeddings);
}

bool FaceGallery::add(int id, const FaceEmbedding& embedding) {
  if (embedding.empty()) return false;
  auto& stored = by_id_[id];
  if (!stored.empty()) {
    const float best = best_similarity(embedding, stored);
    if (best >= options_.redundant_similarity || best < options_.same_person_threshold) {
      return false;
    }
  }
  stored.push_back(embedding);
  if (stored.size() <= static_cast<std::size_t>(options_.max_per_id)) return true;
  const std::size_t drop = most_redundant(stored);
  stored.erase(stored.begin() + static_cast<std::ptrdiff_t>(drop));
  return drop != stored.size();  // the new one (last) survived unless it was dropped
}

std::optional<GalleryMatch> FaceGallery::best_match(const FaceEmbedding& embedding,
                                                    const std::set<int>& exclude) const {
  std::optional<GalleryMatch> best;
  for (const auto& [id, stored] : by_id_) {
    if (exclude.contains(id) || stored.empty()) continue;
    const float sim = best_similarity(embedding, stored);
    if (sim >= options_.same_person_threshold && (!best || sim > best->similarity)) {
      best = GalleryMatch{id, sim};
    }
  }
  return best;
}

const std::vector<FaceEmbedding>& FaceGallery::embeddings(int id) const {
  static const std::vector<FaceEmbedding> kNone;
  const auto it = by_id_.find(id);
  return it == by_id_.end() ? kNone : it->second;
}

void FaceGallery::remove(int id) {
  by_id_.erase(id);
  bodies_.erase(id);
}

int FaceGallery::max_id() const {
  const int faces = by_id_.empty() ? 0 : by_id_.rbegin()->first;
  return std::max(faces, bodies_.empty() ? 0 : bodies_.rbegin()->first);
}

void FaceGallery::set_body(int id, const BodyAppearance& body, double seen_ms) {
  bodies_[id] = {body, seen_ms};
}

const BodyAppearance* FaceGallery::body(int id) const {
  const auto it = bodies_.find(id);
  return it == bodies_.end() ? nullptr : &it->second.appearance;
}

void FaceGallery::touch(int id, double seen_ms) {
  const auto it = bodies_.find(id);
  if (it != bodies_.end()) it->second.seen_ms = std::max(it->second.seen_ms, seen_ms);
}

double FaceGallery::last_seen(int id) const {
  const auto it = bodies_.find(id);
  return it == bodies_.end() ? 0 : it->second.seen_ms;
}

std::vector<int> FaceGallery::ids() const {
  std::set<int> ids;
  for (const auto& [id, stored] : by_id_)
    if (!stored.empty()) ids.insert(id);
  for (const auto& [id, body] : bodies_) ids.insert(id);
  return {ids.begin(), ids.end()};
}

}  // namespace am::tracking

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

void FaceGallery::remove(int id) { by_id_.erase(id); }

int FaceGallery::max_id() const { return by_id_.empty() ? 0 : by_id_.rbegin()->first; }

}  // namespace am::tracking

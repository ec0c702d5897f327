#include "tracking/best_faces.hpp"

#include <algorithm>
#include <cmath>

namespace am::tracking {

float frontality(const FivePointArray& p) {
  const cv::Point2f eyes = (p[0] + p[1]) * 0.5f;
  const cv::Point2f axis = p[1] - p[0];
  const float half = static_cast<float>(cv::norm(axis)) / 2;
  if (half < 1e-3f) return 0;
  // The nose's offset from the eyes' midpoint along the eye line, in half eye distances.
  const float along = (p[2] - eyes).dot(axis) / (2 * half * half);
  return std::clamp(1 - std::abs(along), 0.0f, 1.0f);
}

float face_width(const FivePointArray& p) {
  return 1.6f * static_cast<float>(cv::norm(p[1] - p[0]));
}

float face_quality(const FaceSample& sample, const FaceQualityOptions& options) {
  if (sample.width_px < options.min_width_px) return 0;
  const float size = std::min(1.0f, sample.width_px / options.full_width_px);
  const float sharp = std::min(1.0f, sample.sharpness / options.full_sharpness);
  return size * std::clamp(sample.frontality, 0.0f, 1.0f) * sharp;
}

bool keep_best_face(std::vector<FaceSample>& kept, FaceSample sample,
                    const FaceQualityOptions& options) {
  sample.quality = face_quality(sample, options);
  if (sample.quality <= 0 || sample.embedding.empty()) return false;
  const auto by_quality = [](const FaceSample& a, const FaceSample& b) {
    return a.quality > b.quality;
  };
  if (static_cast<int>(kept.size()) >= options.max_kept) {
    if (kept.back().quality >= sample.quality) return false;
    kept.pop_back();
  }
  kept.insert(std::upper_bound(kept.begin(), kept.end(), sample, by_quality), std::move(sample));
  return true;
}

FaceAggregate aggregate_faces(const std::vector<FaceSample>& kept) {
  FaceAggregate out;
  for (const auto& s : kept) {
    if (out.embedding.empty()) out.embedding.assign(s.embedding.size(), 0.0f);
    if (s.embedding.size() != out.embedding.size()) continue;
    for (std::size_t i = 0; i < s.embedding.size(); ++i)
      out.embedding[i] += s.quality * s.embedding[i];
    out.quality = std::max(out.quality, s.quality);
    ++out.count;
  }
  double norm = 0;
  for (const float v : out.embedding) norm += double(v) * v;
  if (norm <= 0) return {};
  for (float& v : out.embedding) v = static_cast<float>(v / std::sqrt(norm));
  return out;
}

}  // namespace am::tracking

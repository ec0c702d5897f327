#include "tracking/match_cost.hpp"

#include <algorithm>
#include <cmath>

namespace am::tracking {
namespace {

float box_scale(const cv::Rect2f& box) { return std::max(1.0f, std::sqrt(box.area())); }

cv::Point2f centre(const cv::Rect2f& box) {
  return {box.x + box.width / 2, box.y + box.height / 2};
}

// Landmark distance when enough landmarks are visible on both sides, else box-centre distance;
// both relative to the track's box size and clamped to 1.
float geometry_cost(const PersonInput& track, const PersonInput& detection, float min_vis) {
  const float scale = box_scale(track.box);
  const auto lm = landmark_distance(track.landmarks, detection.landmarks, scale, min_vis);
  const float d =
      lm ? *lm : static_cast<float>(cv::norm(centre(track.box) - centre(detection.box))) / scale;
  return std::min(1.0f, d);
}

}  // namespace

float box_iou(const cv::Rect2f& a, const cv::Rect2f& b) {
  const float inter = (a & b).area();
  const float uni = a.area() + b.area() - inter;
  return uni > 0 ? inter / uni : 0.0f;
}

std::optional<float> landmark_distance(const PoseLandmarks& a, const PoseLandmarks& b, float scale,
                                       float min_visibility) {
  float sum = 0;
  int count = 0;
  for (int i = 0; i < kLandmarkCount; ++i) {
    if (a[i].visibility <= min_visibility || b[i].visibility <= min_visibility) continue;
    sum += std::hypot(a[i].x - b[i].x, a[i].y - b[i].y);
    ++count;
  }
  if (count < 3) return std::nullopt;
  return sum / static_cast<float>(count) / scale;
}

std::optional<float> face_similarity(const FaceEmbedding& a, const FaceEmbedding& b) {
  if (a.empty() || a.size() != b.size()) return std::nullopt;
  double dot = 0, na = 0, nb = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    dot += double(a[i]) * b[i];
    na += double(a[i]) * a[i];
    nb += double(b[i]) * b[i];
  }
  if (na <= 0 || nb <= 0) return std::nullopt;
  return static_cast<float>(dot / std::sqrt(na * nb));
}

double match_cost(const PersonInput& track, const PersonInput& detection,
                  const CostOptions& options) {
  const float iou = box_iou(track.box, detection.box);
  const float geometry = geometry_cost(track, detection, options.min_visibility);
  const auto face = face_similarity(track.face, detection.face);
  const bool faces_match = face && *face >= options.same_person_threshold;
  if (iou <= 0 && geometry >= 1 && !faces_match) return kForbiddenCost;

  double sum = options.iou_weight * (1 - iou) + options.landmark_weight * geometry;
  double weight = options.iou_weight + options.landmark_weight;
  if (face) {
    sum += options.face_weight * std::clamp(1.0f - *face, 0.0f, 1.0f);
    weight += options.face_weight;
  }
  return weight > 0 ? sum / weight : 0.0;
}

cv::Mat1d cost_matrix(const std::vector<PersonInput>& tracks,
                      const std::vector<PersonInput>& detections, const CostOptions& options) {
  cv::Mat1d cost(static_cast<int>(tracks.size()), static_cast<int>(detections.size()));
  for (int t = 0; t < cost.rows; ++t) {
    for (int d = 0; d < cost.cols; ++d) cost(t, d) = match_cost(tracks[t], detections[d], options);
  }
  return cost;
}

}  // namespace am::tracking

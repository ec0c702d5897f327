#include "perception/common/nms.hpp"

#include <algorithm>

namespace am {

float box_iou(const cv::Rect2f& a, const cv::Rect2f& b) {
  const float union_area = a.area() + b.area() - (a & b).area();
  if (a.empty() || b.empty() || union_area <= 0) return 0;
  return (a & b).area() / union_area;
}

std::vector<ScoredBox> suppress_overlaps(std::vector<ScoredBox> boxes, float iou_threshold,
                                         std::size_t max_kept) {
  std::stable_sort(boxes.begin(), boxes.end(),
                   [](const ScoredBox& a, const ScoredBox& b) { return a.score > b.score; });
  std::vector<ScoredBox> kept;
  for (const ScoredBox& candidate : boxes) {
    if (max_kept != 0 && kept.size() == max_kept) break;
    const bool overlaps = std::any_of(kept.begin(), kept.end(), [&](const ScoredBox& k) {
      return box_iou(k.box, candidate.box) > iou_threshold;
    });
    if (!overlaps) kept.push_back(candidate);
  }
  return kept;
}

}  // namespace am

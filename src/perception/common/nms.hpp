// Non-maximum suppression over scored boxes. Takes boxes with scores (any order) and an IoU
// threshold; gives the kept boxes, best score first. A box is dropped when it overlaps an already
// kept, higher-scoring box by IoU > iou_threshold; boxes that do not overlap are all kept.
#pragma once

#include <cstddef>
#include <vector>

#include <opencv2/core/types.hpp>

namespace am {

struct ScoredBox {
  cv::Rect2f box;
  float score = 0;
};

// Intersection over union; 0 when either box is empty.
float box_iou(const cv::Rect2f& a, const cv::Rect2f& b);

// Greedy NMS; keeps at most max_kept boxes (0 = no limit).
std::vector<ScoredBox> suppress_overlaps(std::vector<ScoredBox> boxes, float iou_threshold,
                                         std::size_t max_kept = 0);

}  // namespace am

// Registration of a rendered avatar silhouette to a frame's person mask. Takes two 8-bit masks
// of the same size (non-zero = covered); gives the integer pixel shift of the rendered one that
// best overlaps the mask (silhouette IoU, coordinate ascent in x and y near a starting shift),
// and the IoU of a shifted silhouette. Pure functions, no model.
#pragma once

#include <opencv2/core.hpp>

namespace am::avatar {

// Intersection over union of `rendered` moved by `shift` pixels and `mask`.
double shifted_iou(const cv::Mat& rendered, const cv::Mat& mask, cv::Point shift);

// The shift within `radius` pixels of `start` (in x and in y) that maximizes shifted_iou (a local
// optimum: x and y are searched in turn, from `start`, until neither improves).
cv::Point best_silhouette_shift(const cv::Mat& rendered, const cv::Mat& mask, cv::Point start,
                                int radius);

}  // namespace am::avatar

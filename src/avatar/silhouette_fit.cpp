#include "avatar/silhouette_fit.hpp"

#include <algorithm>
#include <cstdlib>

#include <opencv2/imgproc.hpp>

namespace am::avatar {
namespace {

// The part of both masks any shift within `radius` can bring together.
cv::Rect search_window(const cv::Mat& rendered, const cv::Mat& mask, int radius) {
  const cv::Rect all(0, 0, mask.cols, mask.rows);
  const cv::Rect box = cv::boundingRect(rendered) | cv::boundingRect(mask);
  return cv::Rect(box.x - radius, box.y - radius, box.width + 2 * radius, box.height + 2 * radius) &
         all;
}

double iou_in(const cv::Mat& rendered, const cv::Mat& mask, cv::Point shift, int rendered_count,
              int mask_count) {
  const cv::Rect all(0, 0, mask.cols, mask.rows);
  const cv::Rect to = cv::Rect(shift.x, shift.y, mask.cols, mask.rows) & all;
  const cv::Rect from = to - shift;
  const int both = cv::countNonZero(rendered(from) & mask(to));
  const int any = rendered_count + mask_count - both;
  return any == 0 ? 0.0 : static_cast<double>(both) / any;
}

}  // namespace

double shifted_iou(const cv::Mat& rendered, const cv::Mat& mask, cv::Point shift) {
  return iou_in(rendered, mask, shift, cv::countNonZero(rendered), cv::countNonZero(mask));
}

cv::Point best_silhouette_shift(const cv::Mat& rendered, const cv::Mat& mask, cv::Point start,
                                int radius) {
  const cv::Rect window =
      search_window(rendered, mask, radius + std::max(std::abs(start.x), std::abs(start.y)));
  if (window.empty()) return {0, 0};
  const cv::Mat a = rendered(window) != 0, b = mask(window) != 0;
  const int count_a = cv::countNonZero(a), count_b = cv::countNonZero(b);
  cv::Point best = start;
  double best_iou = iou_in(a, b, best, count_a, count_b);
  for (bool improved = true; improved;) {
    improved = false;
    for (const cv::Point axis : {cv::Point(1, 0), cv::Point(0, 1)}) {
      const cv::Point from = best;
      for (int step = -radius; step <= radius; ++step) {
        const cv::Point shift = from + step * axis;
        if (std::abs(shift.x - start.x) > radius || std::abs(shift.y - start.y) > radius) continue;
        const double iou = iou_in(a, b, shift, count_a, count_b);
        if (iou > best_iou + 1e-9) {
          best_iou = iou;
          best = shift;
          improved = true;
        }
      }
    }
  }
  return best;
}

}  // namespace am::avatar

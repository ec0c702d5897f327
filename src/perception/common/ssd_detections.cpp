#include "perception/common/ssd_detections.hpp"

#include <algorithm>
#include <cmath>

#include "core/error.hpp"

namespace am {

namespace {

float clipped_sigmoid(float logit, float clip) {
  const float x = std::clamp(logit, -clip, clip);
  return 1.0f / (1.0f + std::exp(-x));
}

SsdDetection decode_one(const float* raw, const Anchor& anchor, const SsdDecodeOptions& o) {
  const float* box = raw + o.box_coord_offset;
  const float xc = box[0] / o.x_scale * anchor.width + anchor.x_center;
  const float yc = box[1] / o.y_scale * anchor.height + anchor.y_center;
  const float w = box[2] / o.w_scale * anchor.width;
  const float h = box[3] / o.h_scale * anchor.height;
  SsdDetection d;
  d.box = cv::Rect2f(xc - w / 2, yc - h / 2, w, h);
  for (std::size_t k = 0; k < d.keypoints.size(); ++k) {
    const float* kp = raw + o.keypoint_coord_offset + 2 * k;
    d.keypoints[k] = {kp[0] / o.x_scale * anchor.width + anchor.x_center,
                      kp[1] / o.y_scale * anchor.height + anchor.y_center};
  }
  return d;
}

}  // namespace

std::vector<SsdDetection> decode_ssd_detections(std::span<const float> regressors,
                                                std::span<const float> score_logits,
                                                const std::vector<Anchor>& anchors,
                                                const SsdDecodeOptions& options) {
  const std::size_t n = anchors.size();
  if (score_logits.size() != n || regressors.size() != n * options.num_coords) {
    throw InferError("pose detector: outputs do not match the " + std::to_string(n) +
                     " anchors; re-run `avatar-mirror models fetch` to reconvert the model");
  }
  std::vector<SsdDetection> out;
  for (std::size_t i = 0; i < n; ++i) {
    const float score = clipped_sigmoid(score_logits[i], options.score_clipping);
    if (score < options.min_score) continue;
    SsdDetection d = decode_one(&regressors[i * options.num_coords], anchors[i], options);
    d.score = score;
    out.push_back(d);
  }
  return out;
}

float detection_iou(const cv::Rect2f& a, const cv::Rect2f& b) {
  const float inter = (a & b).area();
  const float uni = a.area() + b.area() - inter;
  return uni > 0 ? inter / uni : 0.0f;
}

std::vector<SsdDetection> weighted_nms(std::vector<SsdDetection> detections,
                                       float min_suppression_iou, std::size_t max_kept) {
  std::stable_sort(detections.begin(), detections.end(),
                   [](const auto& a, const auto& b) { return a.score > b.score; });
  std::vector<SsdDetection> kept;
  while (!detections.empty() && (max_kept == 0 || kept.size() < max_kept)) {
    const SsdDetection best = detections.front();
    std::vector<SsdDetection> remaining;
    float total = 0, x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    std::array<cv::Point2f, 4> keypoints{};
    for (std::size_t i = 0; i < detections.size(); ++i) {
      const SsdDetection& d = detections[i];
      if (i > 0 && detection_iou(best.box, d.box) <= min_suppression_iou) {
        remaining.push_back(d);
        continue;
      }
      total += d.score;
      x0 += d.score * d.box.x;
      y0 += d.score * d.box.y;
      x1 += d.score * (d.box.x + d.box.width);
      y1 += d.score * (d.box.y + d.box.height);
      for (std::size_t k = 0; k < keypoints.size(); ++k) keypoints[k] += d.score * d.keypoints[k];
    }
    SsdDetection merged = best;
    if (total > 0) {
      merged.box =
          cv::Rect2f(cv::Point2f(x0 / total, y0 / total), cv::Point2f(x1 / total, y1 / total));
      for (std::size_t k = 0; k < keypoints.size(); ++k) merged.keypoints[k] = keypoints[k] / total;
    }
    kept.push_back(merged);
    detections = std::move(remaining);
  }
  return kept;
}

SsdDetection detection_in_image(const SsdDetection& detection, const RotatedRoi& crop) {
  SsdDetection out = detection;
  out.box =
      cv::Rect2f(roi_to_image(crop, detection.box.tl()), roi_to_image(crop, detection.box.br()));
  for (cv::Point2f& k : out.keypoints) k = roi_to_image(crop, k);
  return out;
}

}  // namespace am

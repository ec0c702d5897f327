// Decoding of the BlazePose person detector's raw outputs, as MediaPipe's
// TensorsToDetectionsCalculator and NonMaxSuppressionCalculator (WEIGHTED, IoU) do it.
// decode_pose_detections() takes the regressors (num_anchors x 12: box centre x, y, width,
// height, then 4 keypoints x, y, all in detector input pixels relative to the anchor) and the
// score logits (num_anchors), and gives the detections whose sigmoid score (logit clipped to
// +-score_clipping) reaches min_score, in coordinates normalized to [0, 1] of the detector input.
// weighted_nms() merges overlapping detections: each cluster (IoU > threshold with its best
// member) becomes one detection whose box and keypoints are the score-weighted mean of the
// cluster and whose score is the best one. Output best first.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "perception/pose_anchors.hpp"
#include "perception/pose_types.hpp"

namespace am {

struct PoseDecodeOptions {
  int num_coords = 12;
  int box_coord_offset = 0;
  int keypoint_coord_offset = 4;
  float x_scale = 224, y_scale = 224, w_scale = 224, h_scale = 224;
  float score_clipping = 100;
  float min_score = 0.5f;
};

std::vector<PoseDetection> decode_pose_detections(std::span<const float> regressors,
                                                  std::span<const float> score_logits,
                                                  const std::vector<Anchor>& anchors,
                                                  const PoseDecodeOptions& options = {});

float detection_iou(const cv::Rect2f& a, const cv::Rect2f& b);

std::vector<PoseDetection> weighted_nms(std::vector<PoseDetection> detections,
                                        float min_suppression_iou = 0.3f, std::size_t max_kept = 0);

}  // namespace am

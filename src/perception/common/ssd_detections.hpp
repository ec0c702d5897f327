// Decoding of the raw outputs of MediaPipe SSD detectors (BlazePose person detector, BlazeFace), as
// MediaPipe's TensorsToDetectionsCalculator and NonMaxSuppressionCalculator (WEIGHTED, IoU) do it.
// decode_ssd_detections() takes the regressors (num_anchors x 12: box centre x, y, width,
// height, then 4 keypoints x, y, all in detector input pixels relative to the anchor) and the
// score logits (num_anchors), and gives the detections whose sigmoid score (logit clipped to
// +-score_clipping) reaches min_score, in coordinates normalized to [0, 1] of the detector input.
// weighted_nms() merges overlapping detections: each cluster (IoU > threshold with its best
// member) becomes one detection whose box and keypoints are the score-weighted mean of the
// cluster and whose score is the best one. Output best first.
#pragma once

#include <array>
#include <cstddef>
#include <span>
#include <vector>

#include <opencv2/core/types.hpp>

#include "perception/common/rotated_roi.hpp"
#include "perception/common/ssd_anchors.hpp"

namespace am {

// One object found by an SSD detector (the BlazePose person detector, BlazeFace): box and the
// first four keypoints in pixels of the detector's input space (or of the image once mapped
// back). For the person detector keypoint 0 is the hip centre, 1 a point above the head that
// gives the body's scale and direction, 2 and 3 the face box centre and top.
struct SsdDetection {
  cv::Rect2f box;
  float score = 0;
  std::array<cv::Point2f, 4> keypoints{};
};

struct SsdDecodeOptions {
  int num_coords = 12;
  int box_coord_offset = 0;
  int keypoint_coord_offset = 4;
  float x_scale = 224, y_scale = 224, w_scale = 224, h_scale = 224;
  float score_clipping = 100;
  float min_score = 0.5f;
};

std::vector<SsdDetection> decode_ssd_detections(std::span<const float> regressors,
                                                std::span<const float> score_logits,
                                                const std::vector<Anchor>& anchors,
                                                const SsdDecodeOptions& options = {});

float detection_iou(const cv::Rect2f& a, const cv::Rect2f& b);

// The detection (normalized to the detector's input crop) in pixels of the image the crop came
// from (e.g. the letterbox of the whole image).
SsdDetection detection_in_image(const SsdDetection& detection, const RotatedRoi& crop);

std::vector<SsdDetection> weighted_nms(std::vector<SsdDetection> detections,
                                       float min_suppression_iou = 0.3f, std::size_t max_kept = 0);

}  // namespace am

// Far faces from BlazeFace full range (face_detection_full_range.onnx, MediaPipe's model for
// people several metres away). Takes an 8-bit BGR image of any size; letterboxes it into the
// 192x192 input (RGB, [-1, 1]), decodes the 2304 SSD anchors (one per cell of a 48x48 grid,
// stride 4, fixed size, as MediaPipe's face_detection_full_range graph) and merges overlaps with
// weighted NMS; gives face boxes in the image's pixels with their scores, best first. Loads the
// model once, in the constructor.
#pragma once

#include <filesystem>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "infer/onnx_model.hpp"
#include "perception/common/nms.hpp"
#include "perception/common/ssd_anchors.hpp"

namespace am {

inline constexpr const char* kBlazeFaceFullRangeModelFile = "face_detection_full_range.onnx";

struct BlazeFaceOptions {
  float min_score = 0.6f;  // MediaPipe's min_score_thresh for this model
  float nms_iou = 0.3f;
};

// The anchor options of MediaPipe's face_detection_full_range graph (2304 anchors).
SsdAnchorOptions blazeface_full_range_anchor_options();

class BlazeFaceDetector {
 public:
  explicit BlazeFaceDetector(const std::filesystem::path& models_dir, BlazeFaceOptions options = {},
                             const SessionOptions& session = {});

  std::vector<ScoredBox> detect(const cv::Mat& bgr) const;

 private:
  OnnxModel model_;
  std::vector<Anchor> anchors_;
  BlazeFaceOptions options_;
};

}  // namespace am

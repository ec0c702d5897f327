// Face boxes from fr_detect.onnx (the Ultra-Light-Fast-Generic-Face-Detector RFB-320 design).
// Takes an 8-bit BGR image of any size; gives face boxes in that image's pixels with their
// scores, best first, after the score threshold and non-maximum suppression.
// The image is stretched to the 320x240 input (as the model's own package does; letterboxing gave
// false faces on the test photos), RGB, (x - 127) / 128. The exported graph already decodes its
// 4420 SSD priors: "boxes" holds corners (x1, y1, x2, y2) in [0, 1] of the input and "scores" the
// (background, face) softmax, so no prior decoding is done here.
#pragma once

#include <cstddef>
#include <filesystem>
#include <span>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "infer/onnx_model.hpp"
#include "perception/common/nms.hpp"

namespace am {

struct FaceBoxOptions {
  float score_threshold = 0.7f;  // face probability a box needs
  float iou_threshold = 0.3f;    // NMS: overlap above which the weaker box is dropped
  std::size_t max_faces = 32;
};

class FaceBoxDetector {
 public:
  explicit FaceBoxDetector(const std::filesystem::path& model, FaceBoxOptions options = {},
                           const SessionOptions& session = {});

  std::vector<ScoredBox> detect(const cv::Mat& bgr) const;

 private:
  OnnxModel model_;
  FaceBoxOptions options_;
};

// The boxes of one fr_detect run whose face score reaches the threshold, scaled to an image of
// the given size and clipped to it. scores: N x (background, face); corners: N x (x1, y1, x2, y2)
// in [0, 1].
std::vector<ScoredBox> boxes_above_threshold(std::span<const float> scores,
                                             std::span<const float> corners, cv::Size image,
                                             float score_threshold);

}  // namespace am

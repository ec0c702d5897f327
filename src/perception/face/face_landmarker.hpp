// 68 face landmarks (iBUG 300-W order) from fr_landmark.onnx. Takes an 8-bit BGR image and a face
// box in its pixels (from FaceBoxDetector); crops a square around the box (square_face_crop),
// feeds it to the model as 64x64 gray (pixel / 256, as the model's own package does) and gives the
// 68 points in image pixels (the model outputs them in [0, 1] of the crop). The crop is 1.1 times
// the box's larger side: on 300w_indoor_020 that gave the lowest error against the ground truth
// (docs/faces.md).
#pragma once

#include <filesystem>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "infer/onnx_model.hpp"

namespace am {

class FaceLandmarker {
 public:
  explicit FaceLandmarker(const std::filesystem::path& model, const SessionOptions& session = {});

  std::vector<cv::Point2f> locate(const cv::Mat& bgr, const cv::Rect2f& face_box) const;

 private:
  OnnxModel model_;
};

}  // namespace am

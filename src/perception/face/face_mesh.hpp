// The 468-point face mesh from face_landmark.onnx (MediaPipe's face_landmark model converted from
// TFLite). Takes an 8-bit BGR image and a FaceRoi; crops the ROI to 192x192 RGB in [0, 1]
// (warpAffine, replicated border), runs the model and gives the 468 (x, y) points mapped back to
// image pixels with the model's face presence probability. Loads the model once, in the
// constructor; locate() may be called from several threads.
#pragma once

#include <filesystem>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "infer/onnx_model.hpp"
#include "perception/face/face_mesh_roi.hpp"

namespace am {

inline constexpr const char* kFaceMeshModelFile = "face_landmark.onnx";

struct FaceMeshResult {
  std::vector<cv::Point2f> points;  // 468, image pixels
  float presence = 0;               // probability that the crop holds a face
};

class FaceMesh {
 public:
  explicit FaceMesh(const std::filesystem::path& model, const SessionOptions& session = {});

  FaceMeshResult locate(const cv::Mat& bgr, const FaceRoi& roi) const;

 private:
  OnnxModel model_;
};

}  // namespace am

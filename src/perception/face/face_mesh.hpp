// MediaPipe's face mesh converted from TFLite: face_landmark.onnx (468 points) or
// face_landmark_with_attention.onnx (the same 468 with lips and eyes refined by its attention
// heads, plus 10 iris points). Takes an 8-bit BGR image and a FaceRoi; crops the ROI to 192x192
// RGB in [0, 1] (warpAffine, replicated border), runs the model and gives the points mapped back
// to image pixels with the model's face presence probability. Loads the model once, in the
// constructor; locate() may be called from several threads.
#pragma once

#include <filesystem>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "infer/onnx_model.hpp"
#include "perception/face/face_mesh_roi.hpp"

namespace am {

inline constexpr const char* kFaceMeshModelFile = "face_landmark.onnx";
inline constexpr const char* kFaceMeshAttentionModelFile = "face_landmark_with_attention.onnx";

enum class FaceMeshModel {
  Plain,          // face_landmark: 468 points
  WithAttention,  // face_landmark_with_attention: 468 refined points + 10 iris points
};

struct FaceMeshResult {
  std::vector<cv::Point2f> points;  // 468, image pixels
  // 468: each point's depth in image pixels, relative to the face's centre; smaller is nearer the
  // camera (MediaPipe's z, scaled like x and y)
  std::vector<float> depth;
  // WithAttention only: 10, the image-left eye's iris then the image-right one (centre first);
  // points followed by irises are MediaPipe's 478 refined landmarks. Empty for Plain.
  std::vector<cv::Point2f> irises;
  float presence = 0;  // probability that the crop holds a face
};

class FaceMesh {
 public:
  // `model` must be the file of `kind`.
  explicit FaceMesh(const std::filesystem::path& model, const SessionOptions& session = {},
                    FaceMeshModel kind = FaceMeshModel::Plain);

  FaceMeshResult locate(const cv::Mat& bgr, const FaceRoi& roi) const;

  FaceMeshModel kind() const { return kind_; }

 private:
  FaceMeshModel kind_;
  OnnxModel model_;
};

// The attention mesh from its file in `models_dir`.
FaceMesh attention_face_mesh(const std::filesystem::path& models_dir,
                             const SessionOptions& session = {});

}  // namespace am

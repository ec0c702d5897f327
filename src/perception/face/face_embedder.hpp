// Face embeddings for re-identification from fr_feature.onnx. Takes an 8-bit BGR image and the 5
// alignment points of a face in it; warps the face onto the 112x112 ArcFace template (similarity
// transform), runs the model on it (BGR, (x - 127) / 128: the order and scaling that best separated
// the test identities) and gives a 512-value embedding of unit length. Two embeddings of
// the same person have a cosine similarity at or above kSamePersonThreshold (calibrated on the
// test photos, see docs/faces.md).
#pragma once

#include <filesystem>
#include <span>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "infer/onnx_model.hpp"
#include "perception/face/face_geometry.hpp"

namespace am {

inline constexpr int kFaceEmbeddingSize = 512;
inline constexpr float kSamePersonThreshold = 0.45f;

using FaceEmbedding = std::vector<float>;

class FaceEmbedder {
 public:
  explicit FaceEmbedder(const std::filesystem::path& model, const SessionOptions& session = {});

  FaceEmbedding embed(const cv::Mat& bgr, const FivePoints& points) const;

 private:
  OnnxModel model_;
};

// The matrix from the 112x112 aligned face (its 5 points on arcface_template()) to the image.
cv::Matx23f aligned_face_to_image(const FivePoints& points);

// Cosine of the angle between two equally long vectors; 0 when either is all zeros.
float cosine_similarity(std::span<const float> a, std::span<const float> b);

bool same_person(std::span<const float> a, std::span<const float> b,
                 float threshold = kSamePersonThreshold);

}  // namespace am

#include "perception/face/face_embedder.hpp"

#include <cmath>
#include <numeric>

#include <opencv2/imgproc.hpp>

#include "perception/common/image_to_tensor.hpp"

namespace am {

namespace {

// The aligned 112 x 112 face, BGR as (v - 127) / 128, channels first.
const ImageTensorSpec kInput{{kAlignedFaceSize, kAlignedFaceSize},
                             range_of(127.0f, 1.0f / 128.0f),
                             TensorLayout::Nchw,
                             TensorChannels::Bgr,
                             CropBorder::Zero};

void normalize_l2(std::vector<float>& v) {
  const double norm = std::sqrt(std::inner_product(v.begin(), v.end(), v.begin(), 0.0));
  if (norm == 0) return;
  for (float& x : v) x = static_cast<float>(x / norm);
}

}  // namespace

cv::Matx23f aligned_face_to_image(const FivePoints& points) {
  cv::Matx23d to_image;
  cv::invertAffineTransform(similarity_transform(points, arcface_template()), to_image);
  return to_image;
}

float cosine_similarity(std::span<const float> a, std::span<const float> b) {
  double dot = 0, na = 0, nb = 0;
  for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
    dot += double(a[i]) * b[i];
    na += double(a[i]) * a[i];
    nb += double(b[i]) * b[i];
  }
  if (na == 0 || nb == 0) return 0;
  return static_cast<float>(dot / std::sqrt(na * nb));
}

bool same_person(std::span<const float> a, std::span<const float> b, float threshold) {
  return cosine_similarity(a, b) >= threshold;
}

FaceEmbedder::FaceEmbedder(const std::filesystem::path& model, const SessionOptions& session)
    : model_(model, "fr_feature", {{"input", {1, 3, kAlignedFaceSize, kAlignedFaceSize}}},
             {{"output", {1, kFaceEmbeddingSize}}}, session) {}

FaceEmbedding FaceEmbedder::embed(const cv::Mat& bgr, const FivePoints& points) const {
  const ImageTensor input = image_to_tensor(bgr, aligned_face_to_image(points), kInput);
  std::vector<Tensor> out = model_.run({input.tensor});
  normalize_l2(out[0].data);
  return std::move(out[0].data);
}

}  // namespace am

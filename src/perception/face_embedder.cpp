#include "perception/face_embedder.hpp"

#include <cmath>
#include <numeric>

#include <opencv2/imgproc.hpp>

#include "perception/image_tensor.hpp"

namespace am {

namespace {

constexpr PixelNormalization kEmbedNormalization{127.0f, 1.0f / 128.0f};

void normalize_l2(std::vector<float>& v) {
  const double norm = std::sqrt(std::inner_product(v.begin(), v.end(), v.begin(), 0.0));
  if (norm == 0) return;
  for (float& x : v) x = static_cast<float>(x / norm);
}

}  // namespace

cv::Mat align_face(const cv::Mat& bgr, const FivePoints& points) {
  cv::Mat aligned;
  cv::warpAffine(bgr, aligned, cv::Mat(similarity_transform(points, arcface_template())),
                 {kAlignedFaceSize, kAlignedFaceSize}, cv::INTER_LINEAR, cv::BORDER_CONSTANT);
  return aligned;
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
  const Tensor input =
      image_to_tensor(align_face(bgr, points), ChannelOrder::Bgr, kEmbedNormalization);
  std::vector<Tensor> out = model_.run({input});
  normalize_l2(out[0].data);
  return std::move(out[0].data);
}

}  // namespace am

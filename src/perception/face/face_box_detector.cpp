#include "perception/face/face_box_detector.hpp"

#include "perception/common/image_to_tensor.hpp"

namespace am {

namespace {

const cv::Size kInputSize(320, 240);
constexpr int64_t kPriorCount = 4420;
// The whole image stretched to 320 x 240, RGB as (v - 127) / 128, channels first.
const ImageTensorSpec kInput{kInputSize,         range_of(127.0f, 1.0f / 128.0f),
                             TensorLayout::Nchw, TensorChannels::Rgb,
                             CropBorder::Zero,   CropSampling::ResizeLinear};

}  // namespace

std::vector<ScoredBox> boxes_above_threshold(std::span<const float> scores,
                                             std::span<const float> corners, cv::Size image,
                                             float score_threshold) {
  const float w = static_cast<float>(image.width), h = static_cast<float>(image.height);
  const cv::Rect2f bounds(0, 0, w, h);
  std::vector<ScoredBox> boxes;
  for (std::size_t i = 0; 2 * i + 1 < scores.size() && 4 * i + 3 < corners.size(); ++i) {
    const float score = scores[2 * i + 1];
    if (score < score_threshold) continue;
    const float* c = &corners[4 * i];
    const cv::Rect2f box =
        cv::Rect2f(cv::Point2f(c[0] * w, c[1] * h), cv::Point2f(c[2] * w, c[3] * h)) & bounds;
    if (!box.empty()) boxes.push_back({box, score});
  }
  return boxes;
}

FaceBoxDetector::FaceBoxDetector(const std::filesystem::path& model, FaceBoxOptions options,
                                 const SessionOptions& session)
    : model_(model, "fr_detect", {{"input", {1, 3, kInputSize.height, kInputSize.width}}},
             {{"scores", {1, kPriorCount, 2}}, {"boxes", {1, kPriorCount, 4}}}, session),
      options_(options) {}

std::vector<ScoredBox> FaceBoxDetector::detect(const cv::Mat& bgr) const {
  const ImageTensor input = image_to_tensor(
      bgr, rect_to_tensor_matrix(cv::Rect2f({0, 0}, bgr.size()), kInputSize), kInput);
  const std::vector<Tensor> out = model_.run({input.tensor});
  return suppress_overlaps(
      boxes_above_threshold(out[0].data, out[1].data, bgr.size(), options_.score_threshold),
      options_.iou_threshold, options_.max_faces);
}

}  // namespace am

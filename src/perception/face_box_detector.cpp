#include "perception/face_box_detector.hpp"

#include <opencv2/imgproc.hpp>

#include "perception/image_tensor.hpp"

namespace am {

namespace {

const cv::Size kInputSize(320, 240);
constexpr int64_t kPriorCount = 4420;
constexpr PixelNormalization kDetectNormalization{127.0f, 1.0f / 128.0f};

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
  cv::Mat resized;
  cv::resize(bgr, resized, kInputSize, 0, 0, cv::INTER_LINEAR);
  const std::vector<Tensor> out =
      model_.run({image_to_tensor(resized, ChannelOrder::Rgb, kDetectNormalization)});
  return suppress_overlaps(
      boxes_above_threshold(out[0].data, out[1].data, bgr.size(), options_.score_threshold),
      options_.iou_threshold, options_.max_faces);
}

}  // namespace am

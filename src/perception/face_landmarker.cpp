#include "perception/face_landmarker.hpp"

#include <cmath>

#include <opencv2/imgproc.hpp>

#include "perception/face_geometry.hpp"
#include "perception/image_tensor.hpp"

namespace am {

namespace {

constexpr int kInputSide = 64;
constexpr float kCropScale = 1.1f;
constexpr PixelNormalization kLandmarkNormalization{0.0f, 1.0f / 256.0f};

cv::Rect pixel_rect(const cv::Rect2f& r, cv::Size image) {
  const cv::Point tl(static_cast<int>(std::floor(r.x)), static_cast<int>(std::floor(r.y)));
  const cv::Point br(static_cast<int>(std::ceil(r.br().x)), static_cast<int>(std::ceil(r.br().y)));
  return cv::Rect(tl, br) & cv::Rect({0, 0}, image);
}

cv::Mat gray_input(const cv::Mat& bgr, const cv::Rect& crop) {
  cv::Mat resized, gray;
  cv::resize(bgr(crop), resized, {kInputSide, kInputSide}, 0, 0, cv::INTER_LINEAR);
  cv::cvtColor(resized, gray, cv::COLOR_BGR2GRAY);
  return gray;
}

}  // namespace

FaceLandmarker::FaceLandmarker(const std::filesystem::path& model, const SessionOptions& session)
    : model_(model, "fr_landmark", {{"input", {1, 1, kInputSide, kInputSide}}},
             {{"output", {1, 2 * kFaceLandmarkCount}}}, session) {}

std::vector<cv::Point2f> FaceLandmarker::locate(const cv::Mat& bgr,
                                                const cv::Rect2f& face_box) const {
  const cv::Rect crop = pixel_rect(square_face_crop(face_box, bgr.size(), kCropScale), bgr.size());
  if (crop.empty()) return {};
  const Tensor input =
      image_to_tensor(gray_input(bgr, crop), ChannelOrder::Bgr, kLandmarkNormalization);
  const std::vector<Tensor> out = model_.run({input});
  std::vector<cv::Point2f> points(kFaceLandmarkCount);
  for (int i = 0; i < kFaceLandmarkCount; ++i) {
    points[i] = {crop.x + out[0].data[2 * i] * crop.width,
                 crop.y + out[0].data[2 * i + 1] * crop.height};
  }
  return points;
}

}  // namespace am

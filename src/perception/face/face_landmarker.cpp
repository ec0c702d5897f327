#include "perception/face/face_landmarker.hpp"

#include <cmath>

#include "perception/common/image_to_tensor.hpp"
#include "perception/face/face_geometry.hpp"

namespace am {

namespace {

constexpr int kInputSide = 64;
constexpr float kCropScale = 1.1f;
// The face crop stretched to 64 x 64, grey as v / 256.
const ImageTensorSpec kInput{{kInputSide, kInputSide}, range_of(0.0f, 1.0f / 256.0f),
                             TensorLayout::Nchw,       TensorChannels::Gray,
                             CropBorder::Zero,         CropSampling::ResizeLinear};

cv::Rect pixel_rect(const cv::Rect2f& r, cv::Size image) {
  const cv::Point tl(static_cast<int>(std::floor(r.x)), static_cast<int>(std::floor(r.y)));
  const cv::Point br(static_cast<int>(std::ceil(r.br().x)), static_cast<int>(std::ceil(r.br().y)));
  return cv::Rect(tl, br) & cv::Rect({0, 0}, image);
}

}  // namespace

FaceLandmarker::FaceLandmarker(const std::filesystem::path& model, const SessionOptions& session)
    : model_(model, "fr_landmark", {{"input", {1, 1, kInputSide, kInputSide}}},
             {{"output", {1, 2 * kFaceLandmarkCount}}}, session) {}

std::vector<cv::Point2f> FaceLandmarker::locate(const cv::Mat& bgr,
                                                const cv::Rect2f& face_box) const {
  const cv::Rect crop = pixel_rect(square_face_crop(face_box, bgr.size(), kCropScale), bgr.size());
  if (crop.empty()) return {};
  const ImageTensor input = image_to_tensor(bgr, rect_to_tensor_matrix(crop, kInput.size), kInput);
  const std::vector<Tensor> out = model_.run({input.tensor});
  std::vector<cv::Point2f> points(kFaceLandmarkCount);
  for (int i = 0; i < kFaceLandmarkCount; ++i) {
    points[i] = {crop.x + out[0].data[2 * i] * crop.width,
                 crop.y + out[0].data[2 * i + 1] * crop.height};
  }
  return points;
}

}  // namespace am

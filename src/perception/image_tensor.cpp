#include "perception/image_tensor.hpp"

#include <array>
#include <string>

#include <opencv2/imgproc.hpp>

#include "core/error.hpp"

namespace am {

Tensor image_to_tensor(const cv::Mat& image, ChannelOrder order, PixelNormalization norm) {
  if (image.depth() != CV_8U || (image.channels() != 1 && image.channels() != 3)) {
    throw Error("image_to_tensor: expected an 8-bit gray or BGR image, got type " +
                std::to_string(image.type()) + "; this is a bug, please report it");
  }
  const int channels = image.channels(), rows = image.rows, cols = image.cols;
  Tensor tensor{{1, channels, rows, cols},
                std::vector<float>(static_cast<std::size_t>(channels) * rows * cols)};
  const std::size_t plane = static_cast<std::size_t>(rows) * cols;
  for (int y = 0; y < rows; ++y) {
    const uchar* row = image.ptr<uchar>(y);
    for (int x = 0; x < cols; ++x) {
      const std::size_t pixel = static_cast<std::size_t>(y) * cols + x;
      for (int c = 0; c < channels; ++c) {
        const int source = (order == ChannelOrder::Rgb && channels == 3) ? 2 - c : c;
        tensor.data[c * plane + pixel] = (row[x * channels + source] - norm.mean) * norm.scale;
      }
    }
  }
  return tensor;
}

cv::Mat rgb_nhwc(const cv::Mat& bgr, float scale, float offset) {
  cv::Mat rgb, out;
  cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
  rgb.convertTo(out, CV_32FC3, scale, offset);
  return out;
}

std::vector<Tensor> run_nhwc(const OnnxModel& model, const cv::Mat& nhwc) {
  const std::array<int64_t, 4> shape{1, nhwc.rows, nhwc.cols, nhwc.channels()};
  const TensorView input{shape, {nhwc.ptr<float>(), nhwc.total() * nhwc.channels()}};
  return model.run(std::span<const TensorView>(&input, 1));
}

}  // namespace am

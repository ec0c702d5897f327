#include "perception/image_tensor.hpp"

#include <string>

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

}  // namespace am

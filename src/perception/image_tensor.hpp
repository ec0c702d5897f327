// Turns an 8-bit image (1 or 3 channels, BGR when 3) into a 1xCxHxW float tensor with each value
// (pixel - mean) * scale, in the channel order the model expects. Pure; no resizing.
#pragma once

#include <opencv2/core/mat.hpp>

#include "infer/tensor.hpp"

namespace am {

enum class ChannelOrder { Rgb, Bgr };

struct PixelNormalization {
  float mean = 0;
  float scale = 1;
};

Tensor image_to_tensor(const cv::Mat& image, ChannelOrder order, PixelNormalization norm);

}  // namespace am

// Turns an 8-bit image (1 or 3 channels, BGR when 3) into a 1xCxHxW float tensor with each value
// (pixel - mean) * scale, in the channel order the model expects; or, for the converted MediaPipe
// models (NHWC in and out), an RGB float image run as a 1xHxWx3 input. No resizing.
#pragma once

#include <vector>

#include <opencv2/core/mat.hpp>

#include "infer/onnx_model.hpp"
#include "infer/tensor.hpp"

namespace am {

enum class ChannelOrder { Rgb, Bgr };

struct PixelNormalization {
  float mean = 0;
  float scale = 1;
};

Tensor image_to_tensor(const cv::Mat& image, ChannelOrder order, PixelNormalization norm);

// 8-bit BGR -> RGB float32 with value = pixel * scale + offset (an NHWC image).
cv::Mat rgb_nhwc(const cv::Mat& bgr, float scale, float offset);

// Runs a model whose one input is that image as 1 x H x W x C.
std::vector<Tensor> run_nhwc(const OnnxModel& model, const cv::Mat& nhwc);

}  // namespace am

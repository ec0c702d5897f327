// The one step from an image to a model's input tensor, in the manner of MediaPipe's
// ImageToTensorCalculator. Takes an 8-bit BGR image, the crop as a 2x3 matrix from tensor pixels
// to image pixels (a rotated ROI, a letterbox, a face alignment or a plain rectangle) and the
// tensor's spec: size, value range, layout, channels, border and sampling. Gives the float tensor
// (1xHxWxC or 1xCxHxW) and the matrix it used, so a decoder can map outputs back to the image.
// Sampling: Warp resamples bilinearly through the matrix (outside the image: the border);
// ResizeLinear / ResizeArea need an axis-aligned crop of whole pixels (zero-padded where it leaves
// the image) and scale it with cv::resize (area for strong downscaling). A value v in 0..255
// becomes min + v * (max - min) / 255. Throws am::Error on a non-8-bit image or a bad spec.
#pragma once

#include <opencv2/core/mat.hpp>
#include <opencv2/core/types.hpp>

#include "infer/tensor.hpp"

namespace am {

enum class TensorLayout { Nhwc, Nchw };
enum class TensorChannels { Rgb, Bgr, Gray };
enum class CropBorder { Replicate, Zero };
enum class CropSampling { Warp, ResizeLinear, ResizeArea };

struct ValueRange {
  float min = 0;
  float max = 1;
};

struct ImageTensorSpec {
  cv::Size size;
  ValueRange range;
  TensorLayout layout = TensorLayout::Nhwc;
  TensorChannels channels = TensorChannels::Rgb;
  CropBorder border = CropBorder::Replicate;
  CropSampling sampling = CropSampling::Warp;
};

struct ImageTensor {
  Tensor tensor;
  cv::Matx23f tensor_to_image;  // tensor pixel (x, y) -> image pixel
};

ImageTensor image_to_tensor(const cv::Mat& bgr, const cv::Matx23f& tensor_to_image,
                            const ImageTensorSpec& spec);

// The matrix that stretches the rectangle `region` of the image over a tensor of `size`.
cv::Matx23f rect_to_tensor_matrix(const cv::Rect2f& region, cv::Size size);

// (mean, scale) normalization (v - mean) * scale as a value range.
ValueRange range_of(float mean, float scale);

}  // namespace am

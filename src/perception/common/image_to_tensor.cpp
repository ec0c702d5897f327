#include "perception/common/image_to_tensor.hpp"

#include <cmath>
#include <string>

#include <opencv2/imgproc.hpp>

#include "core/error.hpp"

namespace am {

namespace {

void check_input(const cv::Mat& bgr, const ImageTensorSpec& spec) {
  if (bgr.empty() || bgr.type() != CV_8UC3) {
    throw Error("image_to_tensor: expected a non-empty 8-bit BGR image, got type " +
                std::to_string(bgr.type()) + "; read images with cv::IMREAD_COLOR");
  }
  if (spec.size.width <= 0 || spec.size.height <= 0) {
    throw Error(
        "image_to_tensor: the tensor size must be positive; this is a bug, please report it");
  }
}

bool is_whole_pixel(float v) { return std::abs(v - std::round(v)) < 1e-3f; }

// The whole-pixel rectangle an axis-aligned crop matrix covers.
cv::Rect resize_region(const cv::Matx23f& m, cv::Size size) {
  const float width = m(0, 0) * size.width, height = m(1, 1) * size.height;
  if (m(0, 1) != 0 || m(1, 0) != 0 || width <= 0 || height <= 0 || !is_whole_pixel(m(0, 2)) ||
      !is_whole_pixel(m(1, 2)) || !is_whole_pixel(width) || !is_whole_pixel(height)) {
    throw Error(
        "image_to_tensor: resize sampling needs an axis-aligned crop of whole pixels; use Warp "
        "sampling for this crop (this is a bug, please report it)");
  }
  return {static_cast<int>(std::lround(m(0, 2))), static_cast<int>(std::lround(m(1, 2))),
          static_cast<int>(std::lround(width)), static_cast<int>(std::lround(height))};
}

cv::Mat zero_padded(const cv::Mat& image, const cv::Rect& region) {
  const cv::Rect inside = region & cv::Rect({0, 0}, image.size());
  if (inside == region) return image(region);
  cv::Mat out(region.size(), image.type(), cv::Scalar::all(0));
  if (!inside.empty()) image(inside).copyTo(out(inside - region.tl()));
  return out;
}

cv::Mat sample_crop(const cv::Mat& bgr, const cv::Matx23f& m, const ImageTensorSpec& spec) {
  cv::Mat crop;
  if (spec.sampling == CropSampling::Warp) {
    const int border = spec.border == CropBorder::Zero ? cv::BORDER_CONSTANT : cv::BORDER_REPLICATE;
    cv::warpAffine(bgr, crop, m, spec.size, cv::INTER_LINEAR | cv::WARP_INVERSE_MAP, border,
                   cv::Scalar::all(0));
    return crop;
  }
  const int interpolation =
      spec.sampling == CropSampling::ResizeArea ? cv::INTER_AREA : cv::INTER_LINEAR;
  cv::resize(zero_padded(bgr, resize_region(m, spec.size)), crop, spec.size, 0, 0, interpolation);
  return crop;
}

cv::Mat to_channels(const cv::Mat& bgr, TensorChannels channels) {
  if (channels == TensorChannels::Bgr) return bgr;
  cv::Mat out;
  cv::cvtColor(bgr, out, channels == TensorChannels::Rgb ? cv::COLOR_BGR2RGB : cv::COLOR_BGR2GRAY);
  return out;
}

Tensor nhwc_tensor(const cv::Mat& image, const ValueRange& range) {
  const int c = image.channels();
  Tensor t{{1, image.rows, image.cols, c},
           std::vector<float>(static_cast<std::size_t>(image.rows) * image.cols * c)};
  cv::Mat as_float(image.rows, image.cols, CV_32FC(c), t.data.data());
  image.convertTo(as_float, CV_32FC(c), (range.max - range.min) / 255.0, range.min);
  return t;
}

Tensor nchw_tensor(const cv::Mat& image, const ValueRange& range) {
  const int c = image.channels();
  Tensor t{{1, c, image.rows, image.cols},
           std::vector<float>(static_cast<std::size_t>(image.rows) * image.cols * c)};
  std::vector<cv::Mat> planes(c);
  for (int i = 0; i < c; ++i) {
    planes[i] = cv::Mat(image.rows, image.cols, CV_32FC1,
                        t.data.data() + static_cast<std::size_t>(i) * image.rows * image.cols);
  }
  cv::Mat as_float;
  image.convertTo(as_float, CV_32FC(c), (range.max - range.min) / 255.0, range.min);
  cv::split(as_float, planes.data());
  return t;
}

}  // namespace

ImageTensor image_to_tensor(const cv::Mat& bgr, const cv::Matx23f& tensor_to_image,
                            const ImageTensorSpec& spec) {
  check_input(bgr, spec);
  const cv::Mat image = to_channels(sample_crop(bgr, tensor_to_image, spec), spec.channels);
  return {spec.layout == TensorLayout::Nhwc ? nhwc_tensor(image, spec.range)
                                            : nchw_tensor(image, spec.range),
          tensor_to_image};
}

cv::Matx23f rect_to_tensor_matrix(const cv::Rect2f& region, cv::Size size) {
  return {region.width / size.width, 0, region.x, 0, region.height / size.height, region.y};
}

ValueRange range_of(float mean, float scale) { return {-mean * scale, (255.0f - mean) * scale}; }

}  // namespace am

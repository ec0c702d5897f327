#include <cstdint>
#include <vector>

#include <gtest/gtest.h>

#include <opencv2/core.hpp>

#include "perception/common/image_to_tensor.hpp"
#include "perception/common/rotated_roi.hpp"

namespace am {
namespace {

cv::Mat two_by_three() {
  cv::Mat bgr(2, 3, CV_8UC3, cv::Scalar(10, 20, 30));  // B=10 G=20 R=30
  bgr.at<cv::Vec3b>(1, 2) = {255, 127, 0};
  return bgr;
}

ImageTensorSpec whole_pixels(cv::Size size, ValueRange range, TensorLayout layout,
                             TensorChannels channels) {
  return {size, range, layout, channels, CropBorder::Zero, CropSampling::ResizeLinear};
}

TEST(ImageToTensor, ChannelsFirstInTheRequestedOrderAndValueRange) {
  const cv::Mat bgr = two_by_three();
  const ImageTensorSpec spec = whole_pixels({3, 2}, range_of(127.0f, 1.0f / 128.0f),
                                            TensorLayout::Nchw, TensorChannels::Rgb);
  const ImageTensor t = image_to_tensor(bgr, rect_to_tensor_matrix({0, 0, 3, 2}, {3, 2}), spec);
  EXPECT_EQ(t.tensor.shape, (std::vector<int64_t>{1, 3, 2, 3}));
  ASSERT_EQ(t.tensor.data.size(), 18u);
  EXPECT_NEAR(t.tensor.data[0], (30 - 127) / 128.0f, 1e-6);   // R plane first
  EXPECT_NEAR(t.tensor.data[6], (20 - 127) / 128.0f, 1e-6);   // then G
  EXPECT_NEAR(t.tensor.data[12], (10 - 127) / 128.0f, 1e-6);  // then B
  EXPECT_NEAR(t.tensor.data[5], -127 / 128.0f, 1e-6);         // pixel (1, 2): R = 0
  EXPECT_NEAR(t.tensor.data[17], 1.0f, 1e-6);                 // pixel (1, 2): B = 255
}

TEST(ImageToTensor, ChannelsLastKeepsPixelsTogether) {
  const ImageTensorSpec spec =
      whole_pixels({3, 2}, {0, 255}, TensorLayout::Nhwc, TensorChannels::Bgr);
  const ImageTensor t =
      image_to_tensor(two_by_three(), rect_to_tensor_matrix({0, 0, 3, 2}, {3, 2}), spec);
  EXPECT_EQ(t.tensor.shape, (std::vector<int64_t>{1, 2, 3, 3}));
  EXPECT_FLOAT_EQ(t.tensor.data[0], 10);
  EXPECT_FLOAT_EQ(t.tensor.data[2], 30);
  EXPECT_FLOAT_EQ(t.tensor.data[15], 255);  // pixel (1, 2), B
}

TEST(ImageToTensor, GreyGivesOneChannel) {
  const cv::Mat bgr(4, 4, CV_8UC3, cv::Scalar::all(64));
  const ImageTensorSpec spec =
      whole_pixels({4, 4}, range_of(0.0f, 1.0f / 256.0f), TensorLayout::Nchw, TensorChannels::Gray);
  const ImageTensor t = image_to_tensor(bgr, rect_to_tensor_matrix({0, 0, 4, 4}, {4, 4}), spec);
  EXPECT_EQ(t.tensor.shape, (std::vector<int64_t>{1, 1, 4, 4}));
  EXPECT_FLOAT_EQ(t.tensor.data[15], 0.25f);
}

TEST(ImageToTensor, ResizedCropLeavingTheImageIsZeroPadded) {
  const cv::Mat bgr(10, 20, CV_8UC3, cv::Scalar::all(200));
  const ImageTensorSpec spec =
      whole_pixels({20, 20}, {0, 1}, TensorLayout::Nhwc, TensorChannels::Rgb);
  const ImageTensor t =
      image_to_tensor(bgr, rect_to_tensor_matrix({-5, -5, 20, 20}, {20, 20}), spec);
  const cv::Mat out(20, 20, CV_32FC3, const_cast<float*>(t.tensor.data.data()));
  EXPECT_FLOAT_EQ(out.at<cv::Vec3f>(0, 0)[0], 0.0f);
  EXPECT_NEAR(out.at<cv::Vec3f>(8, 8)[0], 200 / 255.0f, 1e-6);
  EXPECT_FLOAT_EQ(out.at<cv::Vec3f>(19, 19)[0], 0.0f);
}

TEST(ImageToTensor, WarpFollowsTheMatrixAndReturnsIt) {
  cv::Mat bgr(100, 100, CV_8UC3, cv::Scalar::all(0));
  bgr(cv::Rect(60, 20, 10, 10)).setTo(cv::Scalar::all(255));
  // A 2x zoom on the region (50, 10)-(90, 50): the bright square lands at (20..39, 20..39).
  const cv::Matx23f m = rect_to_tensor_matrix({50, 10, 40, 40}, {80, 80});
  const ImageTensorSpec spec{
      {80, 80},          {0, 1}, TensorLayout::Nhwc, TensorChannels::Rgb, CropBorder::Replicate,
      CropSampling::Warp};
  const ImageTensor t = image_to_tensor(bgr, m, spec);
  const cv::Mat out(80, 80, CV_32FC3, const_cast<float*>(t.tensor.data.data()));
  EXPECT_GT(out.at<cv::Vec3f>(30, 30)[0], 0.99f);
  EXPECT_LT(out.at<cv::Vec3f>(10, 10)[0], 0.01f);
  EXPECT_EQ(t.tensor_to_image, m);
}

TEST(ImageToTensor, ResizeSamplingRejectsARotatedCrop) {
  const cv::Mat bgr(64, 64, CV_8UC3, cv::Scalar::all(0));
  const RotatedRoi roi{{32, 32}, 32, 32, 0.5f};
  const ImageTensorSpec spec =
      whole_pixels({16, 16}, {0, 1}, TensorLayout::Nhwc, TensorChannels::Rgb);
  EXPECT_THROW(image_to_tensor(bgr, crop_to_image_matrix(roi, spec.size), spec), std::exception);
}

TEST(ImageToTensor, RejectsAnImageThatIsNotEightBitBgr) {
  const cv::Mat f(2, 2, CV_32FC3, cv::Scalar::all(0));
  const ImageTensorSpec spec =
      whole_pixels({2, 2}, {0, 1}, TensorLayout::Nhwc, TensorChannels::Rgb);
  EXPECT_THROW(image_to_tensor(f, rect_to_tensor_matrix({0, 0, 2, 2}, {2, 2}), spec),
               std::exception);
}

}  // namespace
}  // namespace am

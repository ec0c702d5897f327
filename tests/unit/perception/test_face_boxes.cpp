#include <vector>

#include <gtest/gtest.h>

#include "perception/face_box_detector.hpp"
#include "perception/image_tensor.hpp"

namespace am {
namespace {

TEST(BoxesAboveThreshold, ScalesCornersToImagePixelsAndKeepsOnlyConfidentFaces) {
  const std::vector<float> scores{0.9f, 0.1f, 0.2f, 0.8f, 0.3f, 0.7f};
  const std::vector<float> corners{0.1f,  0.1f, 0.2f, 0.2f,   // score 0.1: dropped
                                   0.25f, 0.5f, 0.5f, 1.0f,   // 0.8
                                   0.0f,  0.0f, 0.1f, 0.1f};  // 0.7: exactly the threshold
  const auto boxes = boxes_above_threshold(scores, corners, {1280, 720}, 0.7f);
  ASSERT_EQ(boxes.size(), 2u);
  EXPECT_FLOAT_EQ(boxes[0].score, 0.8f);
  EXPECT_NEAR(boxes[0].box.x, 320, 1e-3);
  EXPECT_NEAR(boxes[0].box.y, 360, 1e-3);
  EXPECT_NEAR(boxes[0].box.width, 320, 1e-3);
  EXPECT_NEAR(boxes[0].box.height, 360, 1e-3);
  EXPECT_NEAR(boxes[1].box.width, 128, 1e-3);
}

TEST(BoxesAboveThreshold, ClipsToTheImageAndDropsBoxesOutsideIt) {
  const std::vector<float> scores{0.0f, 0.9f, 0.0f, 0.9f};
  const std::vector<float> corners{-0.1f, 0.9f, 0.2f, 1.3f, 1.1f, 0.2f, 1.4f, 0.5f};
  const auto boxes = boxes_above_threshold(scores, corners, {100, 100}, 0.5f);
  ASSERT_EQ(boxes.size(), 1u);
  EXPECT_NEAR(boxes[0].box.x, 0, 1e-4);
  EXPECT_NEAR(boxes[0].box.br().x, 20, 1e-4);
  EXPECT_NEAR(boxes[0].box.br().y, 100, 1e-4);
}

TEST(ImageToTensor, PlanarChannelsInTheRequestedOrderAndNormalised) {
  cv::Mat bgr(2, 3, CV_8UC3, cv::Scalar(10, 20, 30));  // B=10 G=20 R=30
  bgr.at<cv::Vec3b>(1, 2) = {255, 127, 0};
  const Tensor rgb = image_to_tensor(bgr, ChannelOrder::Rgb, {127.0f, 1.0f / 128.0f});
  EXPECT_EQ(rgb.shape, (std::vector<int64_t>{1, 3, 2, 3}));
  ASSERT_EQ(rgb.data.size(), 18u);
  EXPECT_FLOAT_EQ(rgb.data[0], (30 - 127) / 128.0f);   // R plane first
  EXPECT_FLOAT_EQ(rgb.data[6], (20 - 127) / 128.0f);   // then G
  EXPECT_FLOAT_EQ(rgb.data[12], (10 - 127) / 128.0f);  // then B
  EXPECT_FLOAT_EQ(rgb.data[5], -127 / 128.0f);         // pixel (1, 2): R = 0
  EXPECT_FLOAT_EQ(rgb.data[17], 1.0f);                 // pixel (1, 2): B = 255
  const Tensor bgr_tensor = image_to_tensor(bgr, ChannelOrder::Bgr, {0.0f, 1.0f});
  EXPECT_FLOAT_EQ(bgr_tensor.data[0], 10);
  EXPECT_FLOAT_EQ(bgr_tensor.data[17], 0);
}

TEST(ImageToTensor, GrayImageGivesOneChannel) {
  cv::Mat gray(4, 4, CV_8UC1, cv::Scalar(64));
  const Tensor t = image_to_tensor(gray, ChannelOrder::Bgr, {0.0f, 1.0f / 256.0f});
  EXPECT_EQ(t.shape, (std::vector<int64_t>{1, 1, 4, 4}));
  EXPECT_FLOAT_EQ(t.data[15], 0.25f);
}

TEST(ImageToTensor, RejectsFloatImages) {
  cv::Mat f(2, 2, CV_32FC3);
  EXPECT_THROW(image_to_tensor(f, ChannelOrder::Rgb, {}), std::exception);
}

}  // namespace
}  // namespace am

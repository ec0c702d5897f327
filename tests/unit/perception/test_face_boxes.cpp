#include <vector>

#include <gtest/gtest.h>

#include "perception/face/face_box_detector.hpp"

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

}  // namespace
}  // namespace am

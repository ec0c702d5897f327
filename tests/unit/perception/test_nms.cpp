#include <gtest/gtest.h>

#include "perception/common/nms.hpp"

namespace am {
namespace {

TEST(BoxIou, IdenticalDisjointAndHalfOverlap) {
  const cv::Rect2f a(0, 0, 10, 10);
  EXPECT_FLOAT_EQ(box_iou(a, a), 1.0f);
  EXPECT_FLOAT_EQ(box_iou(a, {20, 20, 10, 10}), 0.0f);
  // Overlap 5x10 = 50, union 150.
  EXPECT_NEAR(box_iou(a, {5, 0, 10, 10}), 50.0f / 150.0f, 1e-6);
  EXPECT_FLOAT_EQ(box_iou(a, {0, 0, 0, 0}), 0.0f);
}

TEST(SuppressOverlaps, KeepsTheBestOfOverlappingBoxes) {
  const auto kept = suppress_overlaps(
      {{{1, 1, 100, 100}, 0.8f}, {{0, 0, 100, 100}, 0.95f}, {{3, 2, 98, 101}, 0.9f}}, 0.3f);
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_FLOAT_EQ(kept[0].score, 0.95f);
  EXPECT_EQ(kept[0].box, cv::Rect2f(0, 0, 100, 100));
}

TEST(SuppressOverlaps, KeepsSeparateBoxesBestFirst) {
  const auto kept = suppress_overlaps(
      {{{0, 0, 50, 50}, 0.7f}, {{200, 0, 50, 50}, 0.9f}, {{0, 200, 50, 50}, 0.8f}}, 0.3f);
  ASSERT_EQ(kept.size(), 3u);
  EXPECT_FLOAT_EQ(kept[0].score, 0.9f);
  EXPECT_FLOAT_EQ(kept[1].score, 0.8f);
  EXPECT_FLOAT_EQ(kept[2].score, 0.7f);
}

TEST(SuppressOverlaps, ThresholdDecidesWhetherAPartialOverlapSurvives) {
  // IoU of these two is 1/3.
  const std::vector<ScoredBox> boxes{{{0, 0, 10, 10}, 0.9f}, {{5, 0, 10, 10}, 0.8f}};
  EXPECT_EQ(suppress_overlaps(boxes, 0.3f).size(), 1u);
  EXPECT_EQ(suppress_overlaps(boxes, 0.5f).size(), 2u);
}

TEST(SuppressOverlaps, StopsAtMaxKept) {
  const auto kept = suppress_overlaps(
      {{{0, 0, 5, 5}, 0.5f}, {{10, 0, 5, 5}, 0.6f}, {{20, 0, 5, 5}, 0.7f}}, 0.3f, 2);
  ASSERT_EQ(kept.size(), 2u);
  EXPECT_FLOAT_EQ(kept[1].score, 0.6f);
}

}  // namespace
}  // namespace am

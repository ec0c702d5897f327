// Mask refinement steps: the model's square view of the image, blob cleaning, GrabCut, IoU and
// the cut-out, on synthetic images whose right answer is known.
#include <gtest/gtest.h>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "core/error.hpp"
#include "perception/segmentation/mask_refine.hpp"

namespace am {
namespace {

TEST(SquareAround, IsCentredOnTheBoxAndCoversItWithMargin) {
  const cv::Rect box(100, 50, 40, 200);
  const cv::Rect sq = square_around(box, 0.1);
  EXPECT_EQ(sq.width, sq.height);
  EXPECT_EQ(sq.width, 240);
  EXPECT_EQ(sq.x + sq.width / 2, box.x + box.width / 2);
  EXPECT_EQ(sq.y + sq.height / 2, box.y + box.height / 2);
  EXPECT_EQ(sq & box, box);
}

TEST(PasteResized, WritesBackOnlyInsideTheTarget) {
  const cv::Rect region(-5, -5, 20, 20);
  cv::Mat patch(4, 4, CV_32FC1, cv::Scalar(0.75f));
  cv::Mat target = cv::Mat::zeros(10, 20, CV_32FC1);
  paste_resized(patch, region, target);
  EXPECT_FLOAT_EQ(target.at<float>(0, 0), 0.75f);
  EXPECT_FLOAT_EQ(target.at<float>(9, 14), 0.75f);
  EXPECT_FLOAT_EQ(target.at<float>(9, 15), 0.0f);
}

TEST(LargestBlob, KeepsOnlyTheBiggestRegionAndItsSoftEdge) {
  cv::Mat prob = cv::Mat::zeros(60, 60, CV_32FC1);
  cv::rectangle(prob, cv::Rect(5, 5, 30, 40), cv::Scalar(1.0f), cv::FILLED);
  cv::rectangle(prob, cv::Rect(4, 5, 1, 40), cv::Scalar(0.3f), cv::FILLED);   // soft edge
  cv::rectangle(prob, cv::Rect(45, 45, 8, 8), cv::Scalar(0.9f), cv::FILLED);  // stray blob
  EXPECT_EQ(largest_blob_box(prob, 0.5f), cv::Rect(5, 5, 30, 40));
  const cv::Mat kept = keep_largest_blob(prob, 0.5f, 3);
  EXPECT_FLOAT_EQ(kept.at<float>(20, 20), 1.0f);
  EXPECT_FLOAT_EQ(kept.at<float>(20, 4), 0.3f);
  EXPECT_FLOAT_EQ(kept.at<float>(48, 48), 0.0f);
  EXPECT_TRUE(largest_blob_box(cv::Mat::zeros(5, 5, CV_32FC1), 0.5f).empty());
}

TEST(MaskIou, CountsPixelsAtOrAboveTheThreshold) {
  cv::Mat a = cv::Mat::zeros(10, 10, CV_8UC1), b = a.clone();
  a.colRange(0, 6).setTo(255);
  b.colRange(3, 9).setTo(200);
  EXPECT_FLOAT_EQ(mask_iou(a, b), 30.0f / 90.0f);
  EXPECT_FLOAT_EQ(mask_iou(a, b, 201), 0.0f);
  EXPECT_FLOAT_EQ(mask_iou(cv::Mat::zeros(4, 4, CV_8UC1), cv::Mat::zeros(4, 4, CV_8UC1)), 1.0f);
  EXPECT_THROW(mask_iou(a, cv::Mat::zeros(9, 10, CV_8UC1)), Error);
}

// A coarse mask that is too fat (a blurry model output) is pulled onto the object's real edge.
TEST(GrabCutRefine, TightensACoarseMaskOntoTheObject) {
  cv::Mat image(120, 120, CV_8UC3, cv::Scalar(40, 160, 40));
  cv::RNG rng(7);
  cv::Mat noise(image.size(), CV_8UC3);
  rng.fill(noise, cv::RNG::UNIFORM, 0, 20);
  image += noise;
  cv::circle(image, {60, 60}, 30, cv::Scalar(200, 60, 180), cv::FILLED);
  cv::Mat truth = cv::Mat::zeros(image.size(), CV_8UC1);
  cv::circle(truth, {60, 60}, 30, cv::Scalar(255), cv::FILLED);
  cv::Mat coarse = cv::Mat::zeros(image.size(), CV_32FC1);
  cv::circle(coarse, {63, 58}, 36, cv::Scalar(1.0f), cv::FILLED);

  const cv::Mat refined = grabcut_refine(image, coarse, 10, 512, 4);
  const float before = mask_iou(probability_to_mask(coarse), truth);
  const float after = mask_iou(probability_to_mask(refined), truth);
  EXPECT_LT(before, 0.8f);
  EXPECT_GT(after, 0.95f);
}

TEST(MakeCutout, UsesTheMaskAsAlphaAndBlanksTheBackground) {
  const cv::Mat image(4, 4, CV_8UC3, cv::Scalar(10, 20, 30));
  cv::Mat mask = cv::Mat::zeros(4, 4, CV_8UC1);
  mask.at<uchar>(1, 2) = 128;
  const cv::Mat cut = make_cutout(image, mask);
  ASSERT_EQ(cut.type(), CV_8UC4);
  EXPECT_EQ(cut.at<cv::Vec4b>(1, 2), cv::Vec4b(10, 20, 30, 128));
  EXPECT_EQ(cut.at<cv::Vec4b>(0, 0), cv::Vec4b(0, 0, 0, 0));
}

TEST(ProbabilityToMask, ScalesAndClampsToEightBits) {
  const cv::Mat prob = (cv::Mat_<float>(1, 4) << -0.5f, 0.0f, 0.5f, 2.0f);
  const cv::Mat mask = probability_to_mask(prob);
  ASSERT_EQ(mask.type(), CV_8UC1);
  EXPECT_EQ(mask.at<uchar>(0, 0), 0);
  EXPECT_EQ(mask.at<uchar>(0, 1), 0);
  EXPECT_EQ(mask.at<uchar>(0, 2), 128);
  EXPECT_EQ(mask.at<uchar>(0, 3), 255);
}

}  // namespace
}  // namespace am

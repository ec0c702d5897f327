// Colour and shading transfer, blend masks, feathering (of the face and of kept features) and the
// seam measure.
#include <vector>

#include <gtest/gtest.h>
#include <opencv2/imgproc.hpp>

#include "faceswap/blend.hpp"
#include "faceswap/color_transfer.hpp"
#include "faceswap/seam_metric.hpp"

namespace am {
namespace {

cv::Mat noisy(cv::Size size, cv::Scalar mean, double spread, int seed) {
  cv::Mat image(size, CV_8UC3);
  cv::theRNG().state = seed;
  cv::randn(image, mean, cv::Scalar::all(spread));
  return image;
}

cv::Mat disc_mask(cv::Size size, int radius) {
  cv::Mat mask = cv::Mat::zeros(size, CV_8U);
  cv::circle(mask, {size.width / 2, size.height / 2}, radius, 255, cv::FILLED);
  return mask;
}

TEST(ColorTransfer, MatchesTheReferenceLabStatisticsInsideTheMask) {
  cv::Mat patch = noisy({120, 120}, {60, 90, 200}, 10, 1);
  const cv::Mat reference = noisy({120, 120}, {150, 160, 170}, 20, 2);
  const cv::Mat mask = disc_mask({120, 120}, 50);
  transfer_color_lab(patch, reference, mask);
  cv::Mat patch_lab, ref_lab;
  cv::cvtColor(patch, patch_lab, cv::COLOR_BGR2Lab);
  cv::cvtColor(reference, ref_lab, cv::COLOR_BGR2Lab);
  cv::Scalar pm, ps, rm, rs;
  cv::meanStdDev(patch_lab, pm, ps, mask);
  cv::meanStdDev(ref_lab, rm, rs, mask);
  for (int c = 0; c < 3; ++c) {
    EXPECT_NEAR(pm[c], rm[c], 2.0) << "channel " << c;
    EXPECT_NEAR(ps[c], rs[c], 0.15 * rs[c] + 1) << "channel " << c;
  }
}

TEST(ColorTransfer, EmptyMaskLeavesThePatchAlone) {
  cv::Mat patch = noisy({40, 40}, {60, 90, 200}, 10, 1);
  const cv::Mat before = patch.clone();
  transfer_color_lab(patch, noisy({40, 40}, {0, 0, 0}, 5, 2), cv::Mat::zeros(40, 40, CV_8U));
  EXPECT_EQ(cv::norm(patch, before, cv::NORM_INF), 0);
}

// A face lit from the left pasted onto one lit from the right: after match_shading the patch's
// brightness slope follows the reference's, and its fine texture stays.
TEST(MatchShading, ThePatchTakesTheReferencesLightAndKeepsItsDetail) {
  const cv::Size size(160, 160);
  cv::Mat patch(size, CV_8UC3), reference(size, CV_8UC3);
  for (int y = 0; y < size.height; ++y)
    for (int x = 0; x < size.width; ++x) {
      const int texture = ((x / 2 + y / 2) % 2) * 20;  // 2 px checkerboard
      patch.at<cv::Vec3b>(y, x) = cv::Vec3b::all(static_cast<uchar>(200 - x / 2 + texture));
      reference.at<cv::Vec3b>(y, x) = cv::Vec3b::all(static_cast<uchar>(100 + x / 2));
    }
  const cv::Mat mask = disc_mask(size, 70);
  const auto mean_at = [&](const cv::Mat& image, int x) {
    return cv::mean(image(cv::Rect(x - 5, 70, 10, 20)))[0];
  };
  ASSERT_GT(mean_at(patch, 40), mean_at(patch, 120));
  match_shading(patch, reference, mask, 10);
  EXPECT_LT(mean_at(patch, 40), mean_at(patch, 120)) << "the light did not follow the reference";
  EXPECT_NEAR(mean_at(patch, 120) - mean_at(patch, 40), 40, 12);
  cv::Mat detail;
  cv::Laplacian(patch(cv::Rect(60, 60, 40, 40)), detail, CV_32F);
  EXPECT_GT(cv::mean(cv::abs(detail))[0], 20) << "the fine texture was lost";
}

TEST(MatchShading, EmptyMaskLeavesThePatchAlone) {
  cv::Mat patch = noisy({40, 40}, {60, 90, 200}, 10, 1);
  const cv::Mat before = patch.clone();
  match_shading(patch, noisy({40, 40}, {0, 0, 0}, 5, 2), cv::Mat::zeros(40, 40, CV_8U), 5);
  EXPECT_EQ(cv::norm(patch, before, cv::NORM_INF), 0);
}

TEST(Blend, MaskFillsTheOutlineAndCutsTheHoles) {
  const std::vector<cv::Point2f> outline{{10, 10}, {90, 10}, {90, 90}, {10, 90}};
  const std::vector<std::vector<cv::Point2f>> holes{{{40, 40}, {60, 40}, {60, 60}, {40, 60}}};
  const cv::Mat mask = face_blend_mask({100, 100}, outline, holes);
  EXPECT_EQ(mask.at<uchar>(20, 20), 255);
  EXPECT_EQ(mask.at<uchar>(50, 50), 0);
  EXPECT_EQ(mask.at<uchar>(5, 5), 0);
}

TEST(Blend, FeatheredAlphaRisesFromTheEdgeToOne) {
  const cv::Mat alpha = feathered_alpha(disc_mask({200, 200}, 80), 20);
  EXPECT_FLOAT_EQ(alpha.at<float>(100, 5), 0);
  EXPECT_FLOAT_EQ(alpha.at<float>(100, 100), 1);
  EXPECT_NEAR(alpha.at<float>(100, 30), 10.0f / 20.0f, 0.1);
  for (int x = 21; x < 100; ++x) EXPECT_GE(alpha.at<float>(100, x), alpha.at<float>(100, x - 1));
}

TEST(Blend, KeptAlphaIsOneOnTheKeptRegionAndFadesOutsideIt) {
  const cv::Mat alpha = kept_alpha(disc_mask({200, 200}, 40), 20);
  EXPECT_FLOAT_EQ(alpha.at<float>(100, 100), 1);
  EXPECT_FLOAT_EQ(alpha.at<float>(100, 61), 1);
  EXPECT_NEAR(alpha.at<float>(100, 50), 0.5f, 0.1);
  EXPECT_FLOAT_EQ(alpha.at<float>(100, 30), 0);
  for (int x = 31; x < 100; ++x) EXPECT_GE(alpha.at<float>(100, x), alpha.at<float>(100, x - 1));
}

TEST(Blend, FeatheredBlendTakesThePatchWhereAlphaIsOneAndTheTargetWhereZero) {
  cv::Mat target(50, 50, CV_8UC3, cv::Scalar(0, 0, 0));
  const cv::Mat patch(50, 50, CV_8UC3, cv::Scalar(200, 100, 50));
  cv::Mat alpha = cv::Mat::zeros(50, 50, CV_32F);
  alpha(cv::Rect(0, 0, 25, 50)).setTo(1);
  alpha(cv::Rect(25, 0, 1, 50)).setTo(0.5);
  blend_feathered(target, patch, alpha);
  EXPECT_EQ(target.at<cv::Vec3b>(10, 10), cv::Vec3b(200, 100, 50));
  EXPECT_EQ(target.at<cv::Vec3b>(10, 25), cv::Vec3b(100, 50, 25));
  EXPECT_EQ(target.at<cv::Vec3b>(10, 40), cv::Vec3b(0, 0, 0));
}

// A bright disc pasted hard onto a darker textured image shows a seam; the same disc feathered
// (or Poisson-blended) does not.
TEST(SeamMeasure, HardPasteScoresHighAndSoftBlendsScoreLow) {
  const cv::Size size(240, 240);
  const cv::Mat background = noisy(size, {80, 80, 80}, 12, 3);
  const cv::Mat face = noisy(size, {170, 170, 170}, 12, 4);
  const cv::Mat mask = disc_mask(size, 90);

  cv::Mat hard = background.clone();
  face.copyTo(hard, mask);
  EXPECT_GT(measure_seam(hard, mask).ratio, 3.0);

  cv::Mat colour_matched = face.clone();
  transfer_color_lab(colour_matched, background, mask);
  cv::Mat soft = background.clone();
  blend_feathered(soft, colour_matched, feathered_alpha(mask, 20));
  EXPECT_LT(measure_seam(soft, mask).ratio, 1.5);

  cv::Mat poisson = background.clone();
  blend_seamless(poisson, face, mask);
  EXPECT_LT(measure_seam(poisson, mask).ratio, 1.5);
}

}  // namespace
}  // namespace am

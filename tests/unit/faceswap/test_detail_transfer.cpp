// Fine-detail matching: a smooth patch is sharpened towards a textured reference's fine detail,
// never softened, and left alone when there is nothing to match.
#include <gtest/gtest.h>
#include <opencv2/imgproc.hpp>

#include "faceswap/detail_transfer.hpp"

namespace am {
namespace {

cv::Mat textured(cv::Size size, double spread, int seed) {
  cv::Mat image(size, CV_8UC3);
  cv::theRNG().state = seed;
  cv::randn(image, cv::Scalar::all(128), cv::Scalar::all(spread));
  return image;
}

cv::Mat smoothed(const cv::Mat& image, double sigma) {
  cv::Mat out;
  cv::GaussianBlur(image, out, {0, 0}, sigma);
  return out;
}

cv::Mat full_mask(cv::Size size) { return cv::Mat(size, CV_8U, cv::Scalar(255)); }

TEST(DetailTransfer, SharpensASmoothPatchToTheReferenceDetail) {
  const cv::Size size(160, 160);
  const cv::Mat reference = smoothed(textured(size, 30, 1), 0.8);
  cv::Mat patch = smoothed(textured(size, 30, 2), 1.2);
  const cv::Mat mask = full_mask(size);
  const double before = detail_gain(patch, reference, mask);
  ASSERT_GT(before, 1.2);
  ASSERT_LT(before, 3.0);
  match_detail(patch, reference, mask);
  // One unsharp-mask pass closes most of the gap (the blur of the sharpened patch is not the blur
  // of the original, so it is not exact).
  EXPECT_LT(detail_gain(patch, reference, mask) - 1.0, 0.4 * (before - 1.0));
}

TEST(DetailTransfer, NeverSoftensAPatchThatIsAlreadyDetailed) {
  const cv::Size size(80, 80);
  cv::Mat patch = textured(size, 30, 3);
  const cv::Mat before = patch.clone();
  const cv::Mat reference = smoothed(textured(size, 30, 4), 2.0);
  EXPECT_DOUBLE_EQ(detail_gain(patch, reference, full_mask(size)), 1.0);
  match_detail(patch, reference, full_mask(size));
  EXPECT_EQ(cv::norm(patch, before, cv::NORM_INF), 0);
}

TEST(DetailTransfer, GainIsCappedForANearlyFlatPatch) {
  const cv::Size size(80, 80);
  const cv::Mat flat_ish = smoothed(textured(size, 4, 5), 3.0);
  EXPECT_DOUBLE_EQ(detail_gain(flat_ish, textured(size, 40, 6), full_mask(size)), 3.0);
}

TEST(DetailTransfer, EmptyMaskOrFlatPatchLeavesThePatchAlone) {
  const cv::Size size(40, 40);
  cv::Mat flat(size, CV_8UC3, cv::Scalar(90, 120, 150));
  match_detail(flat, textured(size, 30, 7), full_mask(size));
  EXPECT_EQ(cv::norm(flat, cv::Mat(size, CV_8UC3, cv::Scalar(90, 120, 150)), cv::NORM_INF), 0);
  cv::Mat patch = smoothed(textured(size, 30, 8), 1.5);
  const cv::Mat before = patch.clone();
  match_detail(patch, textured(size, 30, 9), cv::Mat::zeros(size, CV_8U));
  EXPECT_EQ(cv::norm(patch, before, cv::NORM_INF), 0);
}

}  // namespace
}  // namespace am

// Guided filter: exact properties of He et al.'s filter that a wrong box-filter formula would
// break, checked against a direct per-window least-squares fit.
#include <cmath>

#include <gtest/gtest.h>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "core/error.hpp"
#include "perception/segmentation/guided_filter.hpp"

namespace am {
namespace {

cv::Mat random_image(cv::Size size, int type, int seed) {
  cv::Mat m(size, type);
  cv::RNG rng(seed);
  rng.fill(m, cv::RNG::UNIFORM, 0, 256);
  return m;
}

cv::Mat step_map(cv::Size size, int edge_x) {
  cv::Mat p = cv::Mat::zeros(size, CV_32FC1);
  p.colRange(edge_x, size.width).setTo(1.0f);
  return p;
}

// A map that is an exact affine function of the guide is reproduced (the local linear model
// fits it with zero residual; eps only shrinks it by var / (var + eps), tiny here).
TEST(GuidedFilter, ReproducesAnAffineFunctionOfAGrayGuide) {
  const cv::Mat guide = random_image({40, 30}, CV_8UC1, 1);
  cv::Mat p;
  guide.convertTo(p, CV_32F, 2.0 / 255.0, 0.25);
  const cv::Mat q = guided_filter(guide, p, {3, 1e-8, 1});
  EXPECT_LT(cv::norm(q, p, cv::NORM_INF), 1e-3);
}

TEST(GuidedFilter, ReproducesAnAffineFunctionOfAColourGuide) {
  const cv::Mat guide = random_image({40, 30}, CV_8UC3, 2);
  cv::Mat f, p;
  guide.convertTo(f, CV_32F, 1.0 / 255.0);
  cv::transform(f, p, cv::Matx13f(0.5f, -0.3f, 0.8f));
  p += 0.1;
  const cv::Mat q = guided_filter(guide, p, {3, 1e-8, 1});
  EXPECT_LT(cv::norm(q, p, cv::NORM_INF), 1e-3);
}

// With a flat guide there is no edge to follow: the filter becomes a double box mean, so a
// constant map stays constant and a step is smoothed symmetrically.
TEST(GuidedFilter, FlatGuideSmoothsAStep) {
  const cv::Mat guide(20, 40, CV_8UC3, cv::Scalar(90, 120, 60));
  const cv::Mat q = guided_filter(guide, step_map(guide.size(), 20), {4, 1e-3, 1});
  EXPECT_NEAR(q.at<float>(10, 19) + q.at<float>(10, 20), 1.0f, 1e-4f);
  EXPECT_GT(q.at<float>(10, 19), 0.2f);
  EXPECT_LT(q.at<float>(10, 20), 0.8f);
}

// The point of using it on masks: a blurry mask edge near an image edge becomes a sharp step at
// the image edge (the output is locally a function of the guide, which jumps only there).
TEST(GuidedFilter, SharpensASoftMaskEdgeAtTheImageEdge) {
  cv::Mat guide(30, 60, CV_8UC3, cv::Scalar(30, 30, 30));
  guide.colRange(30, 60).setTo(cv::Scalar(220, 200, 210));
  cv::Mat blurry;
  cv::GaussianBlur(step_map(guide.size(), 27), blurry, {0, 0}, 3.0);
  const float input_jump = blurry.at<float>(15, 30) - blurry.at<float>(15, 29);
  ASSERT_LT(input_jump, 0.15f);
  for (int subsample : {1, 2}) {
    const cv::Mat q = guided_filter(guide, blurry, {8, 1e-4, subsample});
    const float jump = q.at<float>(15, 30) - q.at<float>(15, 29);
    const float dark_slope = q.at<float>(15, 29) - q.at<float>(15, 26);
    EXPECT_GT(jump, 0.4f) << "subsample " << subsample;
    EXPECT_LT(std::abs(dark_slope), 0.5f * (blurry.at<float>(15, 29) - blurry.at<float>(15, 26)))
        << "subsample " << subsample;
  }
}

TEST(GuidedFilter, RejectsMismatchedSizes) {
  const cv::Mat guide(10, 10, CV_8UC3, cv::Scalar::all(0));
  EXPECT_THROW(guided_filter(guide, cv::Mat::zeros(9, 10, CV_32FC1), {}), Error);
  EXPECT_THROW(guided_filter(guide, cv::Mat::zeros(10, 10, CV_8UC1), {}), Error);
}

}  // namespace
}  // namespace am

// What covers the skin at a face's edge: hair reaching in from the edge is found, a dark mole in
// the middle of the cheek is not, nor the face's own features, nor skin in shade.
#include <gtest/gtest.h>
#include <opencv2/imgproc.hpp>

#include "faceswap/skin_mask.hpp"

namespace am {
namespace {

const cv::Scalar kSkin(120, 150, 200);  // BGR
const cv::Scalar kHair(30, 45, 70);     // dark brown
const cv::Scalar kPinkHair(150, 80, 210);

// A 200 x 240 face of skin with sensor noise, lit from the left (lightness falling by 20 % to the
// right), and its elliptic mask.
struct Face {
  cv::Mat bgr = cv::Mat(240, 200, CV_8UC3, kSkin);
  cv::Mat mask = cv::Mat::zeros(240, 200, CV_8U);
  cv::Mat no_features = cv::Mat::zeros(240, 200, CV_8U);

  Face() {
    for (int x = 0; x < bgr.cols; ++x) bgr.col(x) *= 1.0 - 0.2 * x / bgr.cols;
    cv::Mat noise(bgr.size(), CV_16SC3);
    cv::RNG(4).fill(noise, cv::RNG::NORMAL, 0, 4);
    cv::Mat noisy;
    bgr.convertTo(noisy, CV_16SC3);
    noisy += noise;
    noisy.convertTo(bgr, CV_8UC3);
    cv::ellipse(mask, {100, 120}, {95, 115}, 0, 0, 360, 255, cv::FILLED);
  }
};

TEST(CoveringTheSkin, HairReachingInFromTheEdgeIsFoundAndTheSkinIsNot) {
  Face face;
  cv::rectangle(face.bgr, cv::Rect(0, 0, 200, 60), kHair, cv::FILLED);       // a fringe
  cv::rectangle(face.bgr, cv::Rect(0, 60, 40, 120), kPinkHair, cv::FILLED);  // over one cheek
  const cv::Mat covering = covering_the_skin(face.bgr, face.mask, face.no_features);
  cv::Mat expected = cv::Mat::zeros(face.mask.size(), CV_8U);
  expected(cv::Rect(0, 0, 200, 60)).setTo(255);
  expected(cv::Rect(0, 60, 40, 120)).setTo(255);
  expected &= face.mask;
  const int found = cv::countNonZero(covering & expected);
  const int wrong = cv::countNonZero(covering & ~expected);
  EXPECT_GT(found, 0.95 * cv::countNonZero(expected));
  EXPECT_LT(wrong, 0.01 * cv::countNonZero(face.mask & ~expected)) << "skin taken for hair";
}

TEST(CoveringTheSkin, AMoleInTheMiddleOfTheCheekIsNotCovering) {
  Face face;
  cv::circle(face.bgr, {130, 140}, 8, kHair, cv::FILLED);
  EXPECT_EQ(cv::countNonZero(covering_the_skin(face.bgr, face.mask, face.no_features)), 0);
}

TEST(CoveringTheSkin, TheFacesOwnFeaturesAreNotCoveringEvenAtTheEdge) {
  Face face;
  cv::Mat brow = cv::Mat::zeros(face.mask.size(), CV_8U);
  cv::rectangle(brow, cv::Rect(0, 70, 80, 16), 255, cv::FILLED);  // a dark brow out to the edge
  face.bgr.setTo(kHair, brow);
  EXPECT_GT(cv::countNonZero(covering_the_skin(face.bgr, face.mask, face.no_features)), 500)
      << "unmarked, the brow counts";
  EXPECT_EQ(cv::countNonZero(covering_the_skin(face.bgr, face.mask, brow)), 0);
}

TEST(CoveringTheSkin, AnEmptyMaskCoversNothing) {
  Face face;
  const cv::Mat none = cv::Mat::zeros(face.mask.size(), CV_8U);
  EXPECT_EQ(cv::countNonZero(covering_the_skin(face.bgr, none, none)), 0);
}

}  // namespace
}  // namespace am

#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "perception/face/face_embedder.hpp"
#include "perception/face/face_geometry.hpp"

namespace am {
namespace {

cv::Point2f apply(const cv::Matx23d& t, cv::Point2f p) {
  return {static_cast<float>(t(0, 0) * p.x + t(0, 1) * p.y + t(0, 2)),
          static_cast<float>(t(1, 0) * p.x + t(1, 1) * p.y + t(1, 2))};
}

// The template moved by a known similarity: rotate 20 degrees, scale 2.5, shift (300, 140).
FivePoints moved_template() {
  const double angle = 20.0 * CV_PI / 180.0, s = 2.5;
  const cv::Matx23d t(s * std::cos(angle), -s * std::sin(angle), 300, s * std::sin(angle),
                      s * std::cos(angle), 140);
  FivePoints moved;
  for (std::size_t i = 0; i < moved.size(); ++i) moved[i] = apply(t, arcface_template()[i]);
  return moved;
}

TEST(SimilarityTransform, MapsFivePointsOntoTheTemplate) {
  const cv::Matx23d t = similarity_transform(moved_template(), arcface_template());
  for (std::size_t i = 0; i < 5; ++i) {
    const cv::Point2f mapped = apply(t, moved_template()[i]);
    EXPECT_NEAR(mapped.x, arcface_template()[i].x, 1e-3);
    EXPECT_NEAR(mapped.y, arcface_template()[i].y, 1e-3);
  }
  // The inverse of the known similarity: scale 1/2.5, rotation -20 degrees.
  EXPECT_NEAR(std::hypot(t(0, 0), t(1, 0)), 1.0 / 2.5, 1e-6);
  EXPECT_NEAR(std::atan2(t(1, 0), t(0, 0)), -20.0 * CV_PI / 180.0, 1e-6);
}

TEST(SimilarityTransform, IsALeastSquaresFitWhenPointsAreNoisy) {
  FivePoints noisy = moved_template();
  noisy[2].x += 6;  // one point off by 6 px: the fit spreads the error, stays a similarity
  const cv::Matx23d t = similarity_transform(noisy, arcface_template());
  EXPECT_NEAR(t(0, 0), t(1, 1), 1e-9);
  EXPECT_NEAR(t(0, 1), -t(1, 0), 1e-9);
  for (std::size_t i = 0; i < 5; ++i) {
    EXPECT_LT(cv::norm(apply(t, noisy[i]) - arcface_template()[i]), 2.4);
  }
}

TEST(FivePointsFrom68, AveragesEyesAndMouthCornersAndTakesTheNoseTip) {
  std::vector<cv::Point2f> points(kFaceLandmarkCount, cv::Point2f(-1, -1));
  for (int i = 36; i < 42; ++i) points[i] = {10.0f + static_cast<float>(i - 36), 20};  // mean 12.5
  for (int i = 42; i < 48; ++i) points[i] = {50, 20.0f + static_cast<float>(i - 42)};  // mean 22.5
  points[30] = {30, 40};
  points[48] = {12, 60}, points[60] = {14, 62};
  points[54] = {48, 60}, points[64] = {46, 58};
  const FivePoints five = five_points_from_68(points);
  EXPECT_EQ(five[0], cv::Point2f(12.5f, 20));
  EXPECT_EQ(five[1], cv::Point2f(50, 22.5f));
  EXPECT_EQ(five[2], cv::Point2f(30, 40));
  EXPECT_EQ(five[3], cv::Point2f(13, 61));
  EXPECT_EQ(five[4], cv::Point2f(47, 59));
}

TEST(FivePointsFrom68, RejectsAnotherPointCount) {
  std::vector<cv::Point2f> points(5);
  EXPECT_THROW(five_points_from_68(points), std::exception);
}

TEST(SquareFaceCrop, IsASquareOnTheBoxCentre) {
  const cv::Rect2f crop = square_face_crop({100, 100, 40, 60}, {640, 480}, 1.5f);
  EXPECT_FLOAT_EQ(crop.width, 90);
  EXPECT_FLOAT_EQ(crop.height, 90);
  EXPECT_FLOAT_EQ(crop.x + crop.width / 2, 120);
  EXPECT_FLOAT_EQ(crop.y + crop.height / 2, 130);
}

TEST(SquareFaceCrop, ShiftsInsideTheImageAndClipsWhenTooBig) {
  const cv::Rect2f shifted = square_face_crop({-10, 440, 50, 50}, {640, 480}, 1.0f);
  EXPECT_EQ(shifted, cv::Rect2f(0, 430, 50, 50));
  const cv::Rect2f clipped = square_face_crop({10, 10, 300, 300}, {640, 200}, 1.0f);
  EXPECT_FLOAT_EQ(clipped.y, 0);
  EXPECT_FLOAT_EQ(clipped.height, 200);
  EXPECT_FLOAT_EQ(clipped.width, 300);
}

TEST(CosineSimilarity, OfParallelOrthogonalAndOppositeVectors) {
  const std::vector<float> a{1, 2, 3}, b{2, 4, 6}, c{-3, 0, 1}, d{-1, -2, -3}, zero{0, 0, 0};
  EXPECT_NEAR(cosine_similarity(a, b), 1.0f, 1e-6);
  EXPECT_NEAR(cosine_similarity(a, c), 0.0f, 1e-6);
  EXPECT_NEAR(cosine_similarity(a, d), -1.0f, 1e-6);
  EXPECT_FLOAT_EQ(cosine_similarity(a, zero), 0.0f);
  EXPECT_TRUE(same_person(a, b));
  EXPECT_FALSE(same_person(a, c));
}

}  // namespace
}  // namespace am

// The face mesh ROI: enlarged square from a box, levelled by the eyes from mesh points, and the
// crop transform that maps it onto the model's input square.
#include <cmath>
#include <numbers>
#include <vector>

#include <gtest/gtest.h>

#include "perception/face/face_mesh_roi.hpp"
#include "perception/face/face_mesh_topology.hpp"

namespace am {
namespace {

cv::Point2f apply(const cv::Matx23d& m, cv::Point2f p) {
  return {static_cast<float>(m(0, 0) * p.x + m(0, 1) * p.y + m(0, 2)),
          static_cast<float>(m(1, 0) * p.x + m(1, 1) * p.y + m(1, 2))};
}

// 468 points on a w x h rectangle's outline and inside, the eye corners on a level line,
// then rotated by `angle` about `center`.
std::vector<cv::Point2f> rotated_mesh(cv::Point2f center, float w, float h, float angle) {
  std::vector<cv::Point2f> mesh(kMeshPointCount);
  for (int i = 0; i < kMeshPointCount; ++i)
    mesh[i] = {-w / 2 + w * static_cast<float>(i % 18) / 17,
               -h / 2 + h * static_cast<float>(i / 18) / 25};
  mesh[kMeshRightEyeOuter] = {-w / 3, -h / 6};
  mesh[kMeshLeftEyeOuter] = {w / 3, -h / 6};
  const float c = std::cos(angle), s = std::sin(angle);
  for (cv::Point2f& p : mesh) p = cv::Point2f(c * p.x - s * p.y, s * p.x + c * p.y) + center;
  return mesh;
}

TEST(FaceRoi, FromBoxIsCentredSquareEnlargedOnTheLongerSide) {
  const FaceRoi roi = roi_from_box({100, 50, 80, 120});
  EXPECT_FLOAT_EQ(roi.center.x, 140);
  EXPECT_FLOAT_EQ(roi.center.y, 110);
  EXPECT_FLOAT_EQ(roi.size, 1.5f * 120);
  EXPECT_FLOAT_EQ(roi.angle, 0);
}

TEST(FaceRoi, FromTheTopOfATallBoxCoversItsUpperPart) {
  const FaceRoi tall = roi_from_box_top({100, 50, 60, 130});  // face plus neck
  EXPECT_FLOAT_EQ(tall.center.x, 130);
  EXPECT_FLOAT_EQ(tall.center.y, 50 + 1.2f * 60 / 2);
  EXPECT_FLOAT_EQ(tall.size, 1.5f * 1.2f * 60);
  const FaceRoi square = roi_from_box_top({100, 50, 80, 70});  // never narrower than the box
  EXPECT_FLOAT_EQ(square.size, 1.5f * 80);
  EXPECT_FLOAT_EQ(square.center.y, 90);
}

TEST(FaceRoi, FromPointsRecoversRotationCentreAndSize) {
  const float angle = 0.4f;
  const FaceRoi roi = roi_from_points(rotated_mesh({300, 200}, 100, 140, angle), 1.5f);
  EXPECT_NEAR(roi.angle, angle, 1e-4);
  EXPECT_NEAR(roi.center.x, 300, 1e-2);
  EXPECT_NEAR(roi.center.y, 200, 1e-2);
  EXPECT_NEAR(roi.size, 1.5f * 140, 1e-2);
}

TEST(FaceRoi, CropTransformMapsTheRoiSquareOntoTheCrop) {
  const FaceRoi roi{{300, 200}, 150, static_cast<float>(std::numbers::pi / 6)};
  const cv::Matx23d m = crop_transform(roi, 192);
  const cv::Point2f centre = apply(m, roi.center);
  EXPECT_NEAR(centre.x, 96, 1e-3);
  EXPECT_NEAR(centre.y, 96, 1e-3);
  // The face's own x axis (angle from image x) becomes the crop's x axis, scaled to 192 / 150.
  const cv::Point2f along =
      roi.center + 75.0f * cv::Point2f(std::cos(roi.angle), std::sin(roi.angle));
  const cv::Point2f edge = apply(m, along);
  EXPECT_NEAR(edge.x, 192, 1e-3);
  EXPECT_NEAR(edge.y, 96, 1e-3);
}

TEST(FaceRoi, BoundsCoverTheRotatedSquare) {
  const FaceRoi roi{{100, 100}, 100, static_cast<float>(std::numbers::pi / 4)};
  const cv::Rect2f b = roi_bounds(roi);
  EXPECT_NEAR(b.width, 100 * std::sqrt(2.0f), 1e-3);
  EXPECT_NEAR(b.x + b.width / 2, 100, 1e-3);
}

}  // namespace
}  // namespace am

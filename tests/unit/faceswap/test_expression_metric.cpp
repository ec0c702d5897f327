// expression_of(): mouth and eye openings from 468 mesh points, checked on a synthetic face whose
// lips and eyelids are moved apart by known amounts; opening_error() and its floor.
#include <array>
#include <vector>

#include <gtest/gtest.h>

#include "faceswap/expression_metric.hpp"
#include "perception/face/face_mesh_topology.hpp"

namespace am {
namespace {

// All 468 points at the origin except the contours' corners and upper/lower halves: the inner
// mouth 40 px wide with a gap of `mouth` px, each eye 30 px wide with a gap of `eye` px.
std::vector<cv::Point2f> face(float mouth, float left_eye, float right_eye) {
  std::vector<cv::Point2f> points(kMeshPointCount, {0, 0});
  const auto open = [&](const auto& contour, int half, cv::Point2f centre, float width, float gap) {
    // contour: corner, `half` upper points, corner, `half` lower points (mesh_topology order)
    const int n = static_cast<int>(contour.size());
    for (int i = 0; i < n; ++i) {
      const bool upper = i > 0 && i <= half;
      const bool lower = i > half + 1;
      const float t = upper   ? static_cast<float>(i) / (half + 1)
                      : lower ? static_cast<float>(n - i) / (half + 1)
                              : (i == 0 ? 0 : 1);
      const float y = upper ? -gap / 2 : lower ? gap / 2 : 0;
      points[contour[i]] = centre + cv::Point2f(width * (t - 0.5f), y);
    }
  };
  open(kMeshInnerLips, 9, {100, 200}, 40, mouth);
  open(kMeshLeftEye, 7, {140, 100}, 30, left_eye);
  open(kMeshRightEye, 7, {60, 100}, 30, right_eye);
  return points;
}

TEST(ExpressionOf, MeasuresTheGapsOverTheWidths) {
  const Expression e = expression_of(face(20, 9, 3));
  EXPECT_NEAR(e.mouth, 20.0 / 40.0, 1e-3);
  EXPECT_NEAR(e.left_eye, 9.0 / 30.0, 1e-3);
  EXPECT_NEAR(e.right_eye, 3.0 / 30.0, 1e-3);
}

TEST(ExpressionOf, ClosedFeaturesAreZeroAndScaleDoesNotMatter) {
  const Expression closed = expression_of(face(0, 0, 0));
  EXPECT_NEAR(closed.mouth, 0, 1e-6);
  EXPECT_NEAR(closed.left_eye, 0, 1e-6);
  std::vector<cv::Point2f> big = face(20, 9, 3);
  for (cv::Point2f& p : big) p = p * 3.0f + cv::Point2f(500, 40);
  const Expression e = expression_of(big);
  EXPECT_NEAR(e.mouth, 0.5, 1e-3);
  EXPECT_NEAR(e.right_eye, 0.1, 1e-3);
}

TEST(OpeningError, IsRelativeAboveTheFloorAndAbsoluteBelowIt) {
  EXPECT_NEAR(opening_error(0.55, 0.5), 0.1, 1e-9);
  EXPECT_NEAR(opening_error(0.03, 0.01), 0.2, 1e-9);  // 0.02 / floor 0.1
  EXPECT_NEAR(expression_error({0.5, 0.3, 0.3}, {0.5, 0.3, 0.2}), 0.5, 1e-9);
}

}  // namespace
}  // namespace am

// Blinks: an eye is closed when its opening falls well below its recent median, which the blink
// itself does not drag down; a new track, a still image and a turned head never blink; the mask
// covers only the closed eye, grown past its lids.
#include <array>
#include <cmath>
#include <vector>

#include <gtest/gtest.h>
#include <opencv2/imgproc.hpp>

#include "faceswap/blink.hpp"
#include "perception/face/face_mesh_topology.hpp"

namespace am {
namespace {

Expression eyes(double left, double right) { return {0.1, left, right}; }

TEST(ClosedEyes, ABlinkIsSeenAgainstTheRecentOpeningsAndEndsWhenTheEyeOpens) {
  UsualEyes usual;
  for (int f = 0; f < 30; ++f)
    EXPECT_EQ(closed_eyes(usual, eyes(0.26, 0.27), 0), (std::array{false, false}));
  EXPECT_EQ(closed_eyes(usual, eyes(0.22, 0.23), 0), (std::array{false, false})) << "narrowing";
  for (int f = 0; f < 4; ++f)
    EXPECT_EQ(closed_eyes(usual, eyes(0.12, 0.13), 0), (std::array{true, true})) << f;
  EXPECT_EQ(closed_eyes(usual, eyes(0.12, 0.27), 0), (std::array{true, false})) << "a wink";
  EXPECT_EQ(closed_eyes(usual, eyes(0.26, 0.27), 0), (std::array{false, false}));
}

TEST(ClosedEyes, ANewTrackAndATurnedHeadNeverBlink) {
  UsualEyes usual;
  EXPECT_EQ(closed_eyes(usual, eyes(0.05, 0.05), 0), (std::array{false, false})) << "no history";
  for (int f = 0; f < 30; ++f) closed_eyes(usual, eyes(0.26, 0.27), 0);
  EXPECT_EQ(closed_eyes(usual, eyes(0.05, 0.05), 50), (std::array{false, false})) << "turned";
  for (int f = 0; f < 30; ++f) closed_eyes(usual, eyes(2.0, 2.0), 60);  // profile: meaningless
  EXPECT_EQ(closed_eyes(usual, eyes(0.12, 0.13), 0), (std::array{true, true}))
      << "the turned frames were not counted";
}

TEST(ClosedEyeMask, CoversTheClosedEyeGrownPastItsLidsAndNothingElse) {
  std::vector<cv::Point2f> points(kMeshPointCount, cv::Point2f(100, 100));
  points[0] = {40, 40};  // the face spans 40..160: 120 px, so the eye grows by 4 px
  points[1] = {160, 160};
  for (std::size_t k = 0; k < kMeshLeftEye.size(); ++k)
    points[kMeshLeftEye[k]] = {130 + 10 * std::cos(CV_2PI * k / 16.0f),
                               90 + 1 * std::sin(CV_2PI * k / 16.0f)};
  const cv::Mat mask = closed_eye_mask(points, {true, false}, {200, 200});
  EXPECT_EQ(mask.at<uchar>(90, 130), 255);
  EXPECT_EQ(mask.at<uchar>(94, 130), 255) << "grown past the lids";
  EXPECT_EQ(mask.at<uchar>(100, 130), 0);
  EXPECT_EQ(cv::countNonZero(closed_eye_mask(points, {false, false}, {200, 200})), 0);
  EXPECT_EQ(mask.at<uchar>(100, 100), 0) << "the other eye is open";
}

}  // namespace
}  // namespace am

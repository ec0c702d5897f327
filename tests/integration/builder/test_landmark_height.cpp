// Consistency of the standing height from the world landmarks (avatar/body_height.hpp) while a
// person turns in place: video/peoplesnapshot_female-1-casual.mp4 (no ground-truth height in
// the test data), every 5th frame through the pose model as a video. The spread of the
// estimate over the turn (front, side, back) must stay small: coefficient of variation < 3 %.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <iostream>
#include <numeric>
#include <vector>

#include <opencv2/videoio.hpp>

#include "avatar/body_height.hpp"
#include "perception/pose/pose_tracker.hpp"
#include "support/models_dir.hpp"
#include "support/testdata.hpp"

namespace am::test {
namespace {

constexpr int kFrameStep = 5;

std::vector<double> heights_over_the_turn() {
  cv::VideoCapture video(testdata("video/peoplesnapshot_female-1-casual.mp4").string());
  if (!video.isOpened()) throw std::runtime_error("cannot open the People-Snapshot video");
  PoseTracker pose(models_dir());
  std::vector<double> heights;
  cv::Mat frame;
  for (int i = 0; video.read(frame); ++i) {
    const std::vector<PoseObservation> people = pose.process(frame, i * 40.0, true);
    if (i % kFrameStep != 0 || people.empty()) continue;
    heights.push_back(avatar::estimate_height_m(people.front().world_landmarks));
  }
  return heights;
}

TEST(LandmarkHeight, StaysTheSameWhileAPersonTurns) {
  const std::vector<double> h = heights_over_the_turn();
  ASSERT_GE(h.size(), 100u) << "the person should be found in most frames";
  const double mean = std::accumulate(h.begin(), h.end(), 0.0) / static_cast<double>(h.size());
  double var = 0;
  for (double x : h) var += (x - mean) * (x - mean);
  const double sd = std::sqrt(var / static_cast<double>(h.size()));
  const auto [lo, hi] = std::minmax_element(h.begin(), h.end());
  std::cout << "landmark height over " << h.size() << " frames: mean " << mean << " m, sd " << sd
            << " m (" << 100 * sd / mean << " %), min " << *lo << ", max " << *hi << "\n";
  EXPECT_LT(sd / mean, 0.03);
  EXPECT_GT(mean, 1.4);
  EXPECT_LT(mean, 2.1);
}

}  // namespace
}  // namespace am::test

// draw_swap(): the before/after picture of swap-face --draw. Cut to the faces it is the faces'
// area (padded) twice, the right half the swapped frame untouched, the left half marked; a wide
// picture is scaled down to kMaxCroppedDrawWidth; uncut it is both whole frames.
#include <gtest/gtest.h>
#include <opencv2/imgproc.hpp>

#include "faceswap/swap_drawing.hpp"

namespace am {
namespace {

SwapStats one_face(cv::Rect region) {
  SwapStats stats;
  cv::Mat mask = cv::Mat::zeros(region.size(), CV_8U);
  cv::circle(mask, {region.width / 2, region.height / 2}, region.width / 3, 255, cv::FILLED);
  stats.faces.push_back({region, mask, cv::Mat::zeros(region.size(), CV_8U)});
  stats.targets.push_back({3, cv::Rect2f(region)});
  stats.sources.push_back(1);
  return stats;
}

TEST(DrawSwap, CutToTheFacesItShowsTheSwappedAreaUntouchedBesideTheMarkedOriginal) {
  const cv::Mat before(300, 400, CV_8UC3, cv::Scalar(40, 40, 40));
  cv::Mat after = before.clone();
  cv::randu(after, cv::Scalar::all(0), cv::Scalar::all(255));
  const SwapStats stats = one_face({100, 100, 80, 80});
  const cv::Mat drawn = draw_swap(before, after, stats, true);
  const cv::Rect area(80, 80, 120, 120);  // padded by a quarter of 80 on each side
  ASSERT_EQ(drawn.size(), cv::Size(2 * area.width, area.height));
  EXPECT_EQ(
      cv::norm(drawn(cv::Rect(area.width, 0, area.width, area.height)), after(area), cv::NORM_INF),
      0);
  EXPECT_GT(cv::norm(drawn(cv::Rect(0, 0, area.width, area.height)), before(area), cv::NORM_INF), 0)
      << "the mask outline and label are missing";
}

TEST(DrawSwap, UncutItShowsBothWholeFramesAndWidePicturesAreScaledDown) {
  const cv::Mat frame(300, 400, CV_8UC3, cv::Scalar(40, 40, 40));
  EXPECT_EQ(draw_swap(frame, frame, one_face({100, 100, 80, 80}), false).size(),
            cv::Size(800, 300));
  const cv::Mat wide(900, 1600, CV_8UC3, cv::Scalar(40, 40, 40));
  const cv::Mat drawn = draw_swap(wide, wide, one_face({200, 200, 1000, 600}), true);
  EXPECT_EQ(drawn.cols, kMaxCroppedDrawWidth);
}

}  // namespace
}  // namespace am

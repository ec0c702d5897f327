#include <filesystem>
#include <vector>

#include <gtest/gtest.h>
#include <opencv2/videoio.hpp>

#include "core/clock.hpp"
#include "io/frame_source.hpp"
#include "support/testdata.hpp"
#include "test_media.hpp"

namespace am {
namespace {

namespace fs = std::filesystem;

constexpr int kFrames = 20;
constexpr double kFps = 25;
constexpr double kMaxJpegError = 3.0;  // mean per-value error of a good MJPG frame is about 2

class VideoSourceTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = test::scratch_dir("io_video");
    video_ = dir_ / "numbered.avi";
    test::write_numbered_video(video_, kFrames, kFps);
  }
  static void TearDownTestSuite() { fs::remove_all(dir_); }

  static std::vector<Frame> read_all(const std::string& spec, Pacing pacing) {
    auto source = open_source(spec, CameraRequest{}, pacing);
    std::vector<Frame> frames;
    while (auto frame = source->next()) frames.push_back(std::move(*frame));
    return frames;
  }

  static inline fs::path dir_;
  static inline fs::path video_;
};

TEST_F(VideoSourceTest, ReadsEveryFrameInOrderWithItsContent) {
  auto source = open_source(video_.string(), CameraRequest{}, Pacing::AsFastAsPossible);
  EXPECT_EQ(source->info().kind, "video");
  EXPECT_EQ(source->info().width, test::kMediaWidth);
  EXPECT_EQ(source->info().height, test::kMediaHeight);
  EXPECT_DOUBLE_EQ(source->info().fps, kFps);
  EXPECT_EQ(source->info().frame_count, kFrames);

  std::vector<Frame> frames;
  while (auto frame = source->next()) frames.push_back(std::move(*frame));
  ASSERT_EQ(frames.size(), static_cast<size_t>(kFrames));
  for (int i = 0; i < kFrames; ++i) {
    const Frame& frame = frames[i];
    EXPECT_EQ(frame.index, i);
    ASSERT_EQ(frame.image.type(), CV_8UC3);
    EXPECT_EQ(test::read_number(frame.image), i);
    EXPECT_LT(test::mean_abs_difference(frame.image, test::numbered_image(i)), kMaxJpegError) << i;
    EXPECT_NEAR(frame.source_time_ms, i * 1000.0 / kFps, 1e-6);
    if (i > 0) {
      EXPECT_GE(frame.capture_time_ms, frames[i - 1].capture_time_ms);
    }
  }
  EXPECT_FALSE(source->next().has_value()) << "a finished source must stay finished";
}

TEST_F(VideoSourceTest, RealtimePlaysAtTheFileFrameRate) {
  double start = monotonic_ms();
  std::vector<Frame> frames = read_all(video_.string(), Pacing::Realtime);
  double realtime_ms = monotonic_ms() - start;
  ASSERT_EQ(frames.size(), static_cast<size_t>(kFrames));
  const double due_ms = (kFrames - 1) * 1000.0 / kFps;
  EXPECT_GE(realtime_ms, due_ms);
  for (int i = 1; i < kFrames; ++i) {
    EXPECT_GE(frames[i].capture_time_ms - frames[0].capture_time_ms, i * 1000.0 / kFps - 1.0)
        << "frame " << i << " released early";
  }

  start = monotonic_ms();
  std::vector<Frame> fast = read_all(video_.string(), Pacing::AsFastAsPossible);
  double fast_ms = monotonic_ms() - start;
  EXPECT_EQ(fast.size(), frames.size());
  EXPECT_LT(fast_ms, due_ms) << "AsFastAsPossible must not sleep";
}

TEST_F(VideoSourceTest, TruncatedVideoEndsCleanlyAtItsLastGoodFrame) {
  fs::path truncated = dir_ / "truncated.avi";
  test::copy_truncated(video_, truncated, 0.6);
  std::vector<Frame> frames;
  ASSERT_NO_THROW(frames = read_all(truncated.string(), Pacing::AsFastAsPossible));
  ASSERT_GT(frames.size(), 0u);
  EXPECT_LT(frames.size(), static_cast<size_t>(kFrames));
  for (size_t i = 0; i < frames.size(); ++i) {
    EXPECT_EQ(frames[i].index, static_cast<int64_t>(i));
    EXPECT_EQ(test::read_number(frames[i].image), static_cast<int>(i));
    EXPECT_LT(test::mean_abs_difference(frames[i].image, test::numbered_image(static_cast<int>(i))),
              kMaxJpegError)
        << "frame " << i << " is damaged";
  }
}

TEST(RealVideo, ReadsAsManyFramesAsTheContainerReports) {
  fs::path path = test::testdata("video/mmhuman3d_single_person.mp4");
  ASSERT_TRUE(fs::exists(path)) << path;
  double reported = cv::VideoCapture(path.string(), cv::CAP_FFMPEG).get(cv::CAP_PROP_FRAME_COUNT);
  ASSERT_GT(reported, 0);

  auto source = open_source(path.string(), CameraRequest{}, Pacing::AsFastAsPossible);
  EXPECT_GT(source->info().fps, 0);
  EXPECT_GT(source->info().width, 0);
  int64_t count = 0;
  while (auto frame = source->next()) {
    ASSERT_EQ(frame->index, count);
    ASSERT_EQ(frame->image.cols, source->info().width);
    ++count;
  }
  EXPECT_NEAR(static_cast<double>(count), reported, 2.0);
}

}  // namespace
}  // namespace am

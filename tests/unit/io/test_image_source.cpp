#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <vector>

#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>
#include <opencv2/imgcodecs.hpp>

#include "core/clock.hpp"
#include "io/frame_source.hpp"
#include "support/testdata.hpp"
#include "test_media.hpp"

namespace am {
namespace {

namespace fs = std::filesystem;

std::vector<Frame> read_all(FrameSource& source) {
  std::vector<Frame> frames;
  while (auto frame = source.next()) frames.push_back(std::move(*frame));
  return frames;
}

// Sends spdlog's default logger to a string for the lifetime of the object.
class CapturedLog {
 public:
  CapturedLog() : previous_(spdlog::default_logger()) {
    auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(text_);
    spdlog::set_default_logger(std::make_shared<spdlog::logger>("captured", sink));
  }
  ~CapturedLog() { spdlog::set_default_logger(previous_); }
  std::string text() const { return text_.str(); }

 private:
  std::ostringstream text_;
  std::shared_ptr<spdlog::logger> previous_;
};

class ImageSourceTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = test::scratch_dir("io_images"); }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(ImageSourceTest, SingleImageYieldsOneExactFrameThenEnds) {
  fs::path path = dir_ / "still.png";
  cv::imwrite(path.string(), test::numbered_image(7));
  auto source = open_source(path.string(), CameraRequest{}, Pacing::Realtime);
  EXPECT_EQ(source->info().kind, "image");
  EXPECT_EQ(source->info().width, test::kMediaWidth);
  EXPECT_EQ(source->info().frame_count, 1);

  std::optional<Frame> frame = source->next();
  ASSERT_TRUE(frame.has_value());
  EXPECT_EQ(frame->index, 0);
  EXPECT_EQ(test::mean_abs_difference(frame->image, test::numbered_image(7)), 0.0);
  EXPECT_FALSE(source->next().has_value());
  EXPECT_FALSE(source->next().has_value());
}

TEST_F(ImageSourceTest, FolderPlaysImagesSortedByNameIgnoringOtherFiles) {
  cv::imwrite((dir_ / "frame_02.png").string(), test::numbered_image(2));
  cv::imwrite((dir_ / "frame_00.jpg").string(), test::numbered_image(0));
  cv::imwrite((dir_ / "frame_10.bmp").string(), test::numbered_image(3));
  cv::imwrite((dir_ / "frame_01.PNG").string(), test::numbered_image(1));
  std::ofstream(dir_ / "notes.txt") << "not an image";
  std::ofstream(dir_ / "frame_05.json") << "{}";
  fs::create_directory(dir_ / "frame_04.png");

  auto source = open_source(dir_.string(), CameraRequest{}, Pacing::AsFastAsPossible);
  EXPECT_EQ(source->info().kind, "folder");
  EXPECT_EQ(source->info().frame_count, 4);
  EXPECT_EQ(source->info().width, test::kMediaWidth);
  std::vector<Frame> frames = read_all(*source);
  ASSERT_EQ(frames.size(), 4u);
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(frames[i].index, i);
    EXPECT_EQ(test::read_number(frames[i].image), i) << "frame " << i << " out of name order";
    if (i > 0) {
      EXPECT_GE(frames[i].capture_time_ms, frames[i - 1].capture_time_ms);
    }
  }
}

TEST_F(ImageSourceTest, CorruptImageInFolderIsSkippedWithAWarningNamingIt) {
  cv::imwrite((dir_ / "a.png").string(), test::numbered_image(0));
  test::write_random_bytes(dir_ / "b.png", 2000);
  cv::imwrite((dir_ / "c.png").string(), test::numbered_image(1));

  CapturedLog log;
  std::vector<Frame> frames;
  ASSERT_NO_THROW({
    auto source = open_source(dir_.string(), CameraRequest{}, Pacing::AsFastAsPossible);
    frames = read_all(*source);
  });
  ASSERT_EQ(frames.size(), 2u);
  EXPECT_EQ(test::read_number(frames[0].image), 0);
  EXPECT_EQ(test::read_number(frames[1].image), 1);
  EXPECT_EQ(frames[1].index, 1) << "indices count frames given, not files";
  EXPECT_NE(log.text().find("b.png"), std::string::npos) << log.text();
  EXPECT_NE(log.text().find("warning"), std::string::npos) << log.text();
}

TEST_F(ImageSourceTest, FolderInRealtimePlaysAtTheRequestedCameraRate) {
  constexpr int kImages = 6;
  for (int i = 0; i < kImages; ++i) {
    cv::imwrite((dir_ / (std::to_string(i) + ".png")).string(), test::numbered_image(i));
  }
  CameraRequest request;
  request.fps = 50;
  double start = monotonic_ms();
  auto source = open_source(dir_.string(), request, Pacing::Realtime);
  EXPECT_DOUBLE_EQ(source->info().fps, 50);
  std::vector<Frame> frames = read_all(*source);
  double elapsed_ms = monotonic_ms() - start;
  ASSERT_EQ(frames.size(), static_cast<size_t>(kImages));
  EXPECT_GE(elapsed_ms, (kImages - 1) * 1000.0 / 50);
  for (int i = 1; i < kImages; ++i) {
    EXPECT_GE(frames[i].capture_time_ms - frames[0].capture_time_ms, i * 20.0 - 1.0);
    EXPECT_NEAR(frames[i].source_time_ms, i * 20.0, 1e-6);
  }
}

}  // namespace
}  // namespace am

// The avatar-mirror executable as a user runs it: exit codes, one-line errors, `run` on files.
#include <chrono>
#include <cstdio>
#include <sstream>
#include <string>
#include <thread>

#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include "support/process.hpp"
#include "support/testdata.hpp"

namespace am {
namespace {

using test::run_command;

class CliTest : public ::testing::Test {
 protected:
  std::filesystem::path dir_ =
      test::scratch_dir(::testing::UnitTest::GetInstance()->current_test_info()->name());
  std::string am_ = test::avatar_mirror(dir_);

  void TearDown() override { std::filesystem::remove_all(dir_); }

  // Writes an MJPG video of n frames at fps; frame i is filled with grey level 10 * i.
  std::filesystem::path make_video(int n, double fps) {
    const auto path = dir_ / "clip.avi";
    cv::VideoWriter writer(path.string(), cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), fps,
                           cv::Size(160, 120));
    for (int i = 0; i < n; ++i) writer.write(cv::Mat(120, 160, CV_8UC3, cv::Scalar::all(10 * i)));
    return path;
  }
};

bool is_one_line(const std::string& text) {
  return !text.empty() && text.find('\n') == text.size() - 1;
}

// The error line a failed command ends with (after any info logging), without its newline.
std::string error_line(const std::string& err) {
  std::istringstream lines(err);
  std::string line, last;
  while (std::getline(lines, line))
    if (!line.empty()) last = line;
  return last;
}

TEST_F(CliTest, ConfigPrintsEveryKeyWithOrigin) {
  const auto r = run_command("CAMERA_FPS=12 " + am_ + " config");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("camera.fps = 12"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("(env CAMERA_FPS)"), std::string::npos);
  EXPECT_NE(r.out.find("camera.width = 1280"), std::string::npos);
}

TEST_F(CliTest, BadConfigStopsWithOneLine) {
  std::ofstream(dir_ / "bad.json") << R"({"websocket": {"port": "high"}})";
  const auto r = run_command(am_ + " config --config " + (dir_ / "bad.json").string());
  EXPECT_NE(r.exit_code, 0);
  EXPECT_TRUE(is_one_line(r.err)) << r.err;
  EXPECT_NE(r.err.find("websocket.port"), std::string::npos) << r.err;
}

// "end of source: N frames processed, M skipped ..." -> N + M.
int frames_seen(const std::string& log) {
  int processed = -1, skipped = -1;
  const auto at = log.find("end of source: ");
  if (at == std::string::npos) return -1;
  std::sscanf(log.c_str() + at, "end of source: %d frames processed, %d skipped", &processed,
              &skipped);
  return processed + skipped;
}

TEST_F(CliTest, RunReadsEveryFrameAtTheVideoRateAndExitsZero) {
  const auto video = make_video(12, 20.0);
  const auto start = std::chrono::steady_clock::now();
  const auto r = run_command(am_ + " run --source " + video.string());
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(frames_seen(r.err), 12) << r.err;
  EXPECT_NE(r.err.find("fps"), std::string::npos);
  EXPECT_GE(seconds, 11 / 20.0) << "a file must play at its own frame rate in run";
}

TEST_F(CliTest, MaxFramesStopsEarly) {
  const auto r = run_command(am_ + " run --max-frames 3 --source " + make_video(12, 50).string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("3 frames processed"), std::string::npos) << r.err;
}

TEST_F(CliTest, MissingCameraSaysHowToPassAVideo) {
  const auto r = run_command(am_ + " run --source camera:57");
  EXPECT_NE(r.exit_code, 0);
  EXPECT_TRUE(is_one_line(r.err)) << r.err;
  EXPECT_NE(r.err.find("SOURCE="), std::string::npos) << r.err;
}

TEST_F(CliTest, MissingFileIsNamed) {
  const auto r = run_command(am_ + " run --source " + (dir_ / "nothere.mp4").string());
  EXPECT_NE(r.exit_code, 0);
  EXPECT_TRUE(is_one_line(r.err)) << r.err;
  EXPECT_NE(r.err.find("nothere.mp4"), std::string::npos) << r.err;
}

TEST_F(CliTest, FaceSwapWithoutASourceFaceStopsWithOneLine) {
  const auto r = run_command("FACE_SWAP_ENABLED=1 " + am_ + " avatar " +
                             test::testdata("full_body/pifu_ryota.png").string() + " --out " +
                             (dir_ / "a.glb").string());
  EXPECT_NE(r.exit_code, 0);
  EXPECT_TRUE(is_one_line(r.err)) << r.err;
  EXPECT_NE(r.err.find("face_swap.source_image"), std::string::npos) << r.err;
}

// A swap source photo without a face stops `run` at startup (before any frame) and `swap-face`,
// each with one line naming the photo.
TEST_F(CliTest, AFacelessSwapSourceStopsRunAndSwapFaceWithOneLine) {
  cv::Mat wall(240, 320, CV_8UC3);
  cv::randn(wall, cv::Scalar(90, 120, 150), cv::Scalar::all(8));
  const auto photo = dir_ / "wall.png";
  cv::imwrite(photo.string(), wall);
  const std::string video = test::testdata("video/face_recognition_hamilton_clip.mp4").string();
  const auto run =
      run_command(am_ + " run --swap-face " + photo.string() + " --max-frames 3 --source " + video);
  const auto swap = run_command(am_ + " swap-face --source " + photo.string() + " --target " +
                                video + " --out " + (dir_ / "out.avi").string());
  for (const auto& r : {run, swap}) {
    EXPECT_NE(r.exit_code, 0);
    const std::string line = error_line(r.err);
    EXPECT_EQ(line.rfind("avatar-mirror: face swap: no face found in " + photo.string(), 0), 0u)
        << r.err;
    EXPECT_NE(line.find("use a photo with one clearly visible, frontal face"), std::string::npos);
  }
  EXPECT_FALSE(std::filesystem::exists(dir_ / "out.avi"));
}

// The cache's age limit holds while the mirror runs: a visitor's identity and avatar from an
// earlier run, unused for longer than cache.ttl_hours, are gone after the next run's cleanup.
TEST_F(CliTest, RunEnforcesTheCacheAgeLimit) {
  const auto visit = run_command(am_ + " run --loop --max-frames 30 --source " +
                                 test::testdata("full_body/sith_002.png").string());
  ASSERT_EQ(visit.exit_code, 0) << visit.err;
  const auto entries = [&] {
    int n = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir_ / "cache"))
      n += e.path().extension() == ".identity" || e.path().extension() == ".avatar";
    return n;
  };
  ASSERT_EQ(entries(), 2) << "one identity and one avatar from the visit";
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  const auto later = run_command("CACHE_TTL_HOURS=0.0001 " + am_ + " run --source " +
                                 make_video(5, 10).string());  // 0.36 s
  ASSERT_EQ(later.exit_code, 0) << later.err;
  EXPECT_EQ(entries(), 0) << later.err;
  EXPECT_NE(later.err.find("cache cleanup: 2 entries"), std::string::npos) << later.err;
}

TEST_F(CliTest, InfoReportsRuntimeVersions) {
  const auto r = run_command(am_ + " info");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("onnxruntime   1.29"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("CPUExecutionProvider"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("opencv        4."), std::string::npos) << r.out;
}

}  // namespace
}  // namespace am

// Real Godot clients against `avatar-mirror run` on a test video, each checking what it received
// itself and quitting with a status: the Godot 3 demo (godot/demo_godot3: loads and animates the
// avatar), the original README's Godot 3 client (tests/godot3_original: the {"type", "data"}
// envelope field for field) and the Godot 4 addon in its demo scene on a real Godot 4.6 (the web
// release build in chromium, tests/godot4_web + tests/godot4_client: a page on another origin,
// so mesh_url needs CORS, and a token, so the download needs the preflight).
#include <chrono>
#include <future>
#include <iostream>
#include <thread>

#include <gtest/gtest.h>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include "support/process.hpp"
#include "support/testdata.hpp"
#include "support/ws_test_client.hpp"

namespace am {
namespace {

const std::string kSource = AM_SOURCE_DIR;

// The test video played forwards, backwards and forwards again, `passes` times (half size): a
// longer clip of continuous motion, so the person keeps one id while Godot animates their avatar.
std::filesystem::path write_ping_pong_video(const std::filesystem::path& dir, int passes) {
  cv::VideoCapture in(test::testdata("video/mmhuman3d_single_person.mp4").string());
  std::vector<cv::Mat> frames;
  for (cv::Mat frame; in.read(frame);) {
    cv::Mat half;
    cv::resize(frame, half, frame.size() / 2, 0, 0, cv::INTER_AREA);
    frames.push_back(half);
  }
  const auto path = dir / "ping_pong.avi";
  cv::VideoWriter out(path.string(), cv::VideoWriter::fourcc('M', 'J', 'P', 'G'),
                      in.get(cv::CAP_PROP_FPS), frames.front().size());
  for (int pass = 0; pass < passes; ++pass)
    for (size_t i = 0; i < frames.size(); ++i)
      out.write(frames[pass % 2 == 0 ? i : frames.size() - 1 - i]);
  return path;
}

// The line of a client's log that starts with `tag`, or "" (printed so ctest logs show it).
std::string verdict(const std::string& log, const std::string& tag) {
  const auto at = log.rfind(tag);
  if (at == std::string::npos) return "";
  const std::string line = log.substr(at, log.find('\n', at) - at);
  std::cout << line << "\n";
  return line;
}

// A Godot client's run passed: it printed its verdict line, quit 0 and hit no script error.
void expect_client_passed(const test::CommandResult& godot, const std::string& tag) {
  const std::string log = godot.out + godot.err;
  EXPECT_NE(verdict(log, tag), "") << log;
  EXPECT_EQ(godot.exit_code, 0) << log;
  EXPECT_EQ(log.find("SCRIPT ERROR"), std::string::npos) << log;
}

bool healthy_within(unsigned short port, double seconds) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (std::chrono::steady_clock::now() < deadline) {
    try {
      if (test::http_get(port, "/health").status == 200) return true;
    } catch (const std::exception&) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }
  return false;
}

class GodotClientTest : public ::testing::Test {
 protected:
  std::filesystem::path dir_ =
      test::scratch_dir(::testing::UnitTest::GetInstance()->current_test_info()->name());
  unsigned short port_ = test::free_port();

  void TearDown() override { std::filesystem::remove_all(dir_); }

  // Starts `run` on the video with extra environment settings; the future gives its result.
  std::future<test::CommandResult> start_run(const std::filesystem::path& video,
                                             const std::string& env) {
    return test::start_mirror_run(dir_, port_, video, env);
  }
};

TEST_F(GodotClientTest, Godot3DemoLoadsAndAnimatesTheAvatarBuiltFromTheVideo) {
  auto run = start_run(write_ping_pong_video(dir_, 6), "");
  ASSERT_TRUE(healthy_within(port_, 60)) << "the mirror never listened on port " << port_;
  const auto godot = test::run_command(
      "cd " + kSource + "/godot/demo_godot3 && LANG=en_US.UTF-8 timeout 90 godot3-server " +
      "--audio-driver Dummy --path . -- --mirror-test --updates 30 --tolerance 0.25 " +
      "--url ws://127.0.0.1:" + std::to_string(port_) + " 2>&1");
  EXPECT_EQ(run.get().exit_code, 0);
  expect_client_passed(godot, "AVATAR_MIRROR_TEST");
}

// The original client connects to ws://localhost:8765 as written, so the mirror listens there.
TEST_F(GodotClientTest, OriginalReadmeGodot3ClientReadsEveryMessage) {
  port_ = 8765;
  auto run = start_run(write_ping_pong_video(dir_, 6), "WEBSOCKET_HOST=localhost");
  ASSERT_TRUE(healthy_within(port_, 60)) << "the mirror never listened on localhost:8765";
  const auto godot = test::run_command("cd " + kSource +
                                       "/tests/godot3_original && LANG=en_US.UTF-8 timeout 150 " +
                                       "godot3-server --audio-driver Dummy --path . 2>&1");
  EXPECT_EQ(run.get().exit_code, 0);
  expect_client_passed(godot, "ORIGINAL_CLIENT characters=");
}

TEST_F(GodotClientTest, Godot4AddonShowsAndPosesTheAvatarInTheDemoScene) {
  const unsigned short page_port = test::free_port();
  const std::string origin = "http://127.0.0.1:" + std::to_string(page_port);
  auto run = start_run(write_ping_pong_video(dir_, 8),
                       "WEBSOCKET_TOKEN=s3cret WEBSOCKET_ALLOWED_ORIGINS=" + origin);
  ASSERT_TRUE(healthy_within(port_, 60)) << "the mirror never listened on port " << port_;
  const auto started = std::chrono::steady_clock::now();
  const auto godot = test::run_command(
      "timeout 200 node ${AVATAR_MIRROR_HOME:-$HOME/.cache/avatar-mirror}/godot4_web/"
      "run_godot4.mjs --port " +
      std::to_string(page_port) + " --timeout 150 " + kSource + "/godot/addons=addons " + kSource +
      "/godot/demo=demo " + kSource + "/tests/godot4_client -- --url ws://127.0.0.1:" +
      std::to_string(port_) + " --token s3cret --updates 30 2>&1");
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cout << "Godot 4 client ran " << seconds << " s\n";
  EXPECT_EQ(run.get().exit_code, 0);
  expect_client_passed(godot, "AVATAR_MIRROR_GODOT4");
}

}  // namespace
}  // namespace am

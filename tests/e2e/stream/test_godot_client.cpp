// A real Godot 3 (Debian godot3-server, headless; godot3 under xvfb-run for a screenshot) runs
// godot/demo_godot3 against our server streaming a waving test avatar, checks the joints it
// poses against the joints we sent, and quits with a status we assert; both it and the Godot 4
// addon (a real Godot 4.6 in chromium) take a refined avatar (avatar_updated) while posing.
#include <atomic>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <thread>

#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>

#include "core/clock.hpp"
#include "e2e/stream/test_avatar_glb.hpp"
#include "e2e/stream/waving_person.hpp"
#include "stream/server.hpp"
#include "support/process.hpp"
#include "support/synthetic_pose.hpp"
#include "support/testdata.hpp"
#include "support/ws_test_client.hpp"

namespace am {
namespace {

bool have(const std::string& tool) {
  return test::run_command("command -v " + tool + " >/dev/null").exit_code == 0;
}

struct GodotRun {
  test::CommandResult result;
  std::string log;
};

GodotRun run_godot(const std::string& godot, unsigned short port, const std::string& extra) {
  const std::string project = std::string(AM_SOURCE_DIR) + "/godot/demo_godot3";
  const std::string cmd =
      "cd " + project + " && LANG=en_US.UTF-8 timeout 60 " + godot +
      " --audio-driver Dummy --path . -- --mirror-test --updates 30 --url ws://127.0.0.1:" +
      std::to_string(port) + " " + extra + " 2>&1";
  GodotRun run{test::run_command(cmd), ""};
  run.log = run.result.out + run.result.err;
  return run;
}

class GodotClient : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!have("godot3-server"))
      GTEST_SKIP() << "godot3-server not installed (apt-get install godot3-server)";
    dir_ = test::scratch_dir("godot");
    test::write_test_avatar_glb(make_bind_pose(test::tpose_mediapipe()), dir_ / "avatar.glb");
    ServerOptions o;
    o.host = "127.0.0.1";
    o.port = 0;
    server_ = std::make_unique<StreamServer>(o);
    person_ = std::make_unique<test::WavingPerson>(*server_, dir_ / "avatar.glb",
                                                   make_bind_pose(test::tpose_mediapipe()));
  }

  std::filesystem::path dir_;
  std::unique_ptr<StreamServer> server_;
  std::unique_ptr<test::WavingPerson> person_;
};

TEST_F(GodotClient, HeadlessGodot3PosesTheAvatarWhereTheJointsAre) {
  const GodotRun run = run_godot("godot3-server", server_->port(), "");
  EXPECT_EQ(run.result.exit_code, 0) << run.log;
  EXPECT_EQ(run.log.find("SCRIPT ERROR"), std::string::npos) << run.log;
  EXPECT_NE(run.log.find("AVATAR_MIRROR_TEST updates=30"), std::string::npos) << run.log;
  EXPECT_GE(server_->stats().http_requests, 2u) << "the .glb came over HTTP";
  std::cout << run.log.substr(run.log.find("AVATAR_MIRROR_TEST")) << "\n";
}

TEST_F(GodotClient, Godot3SwapsInTheRefinedAvatarAndKeepsPosingIt) {
  std::filesystem::copy_file(dir_ / "avatar.glb", dir_ / "avatar_v2.glb");
  std::atomic<bool> done = false;
  std::thread refine([&] {  // once the client fetched version 1, announce version 2
    while (!done && server_->stats().http_requests < 2) {  // the upgrade, then the .glb
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    server_->send_avatar_updated({1, (dir_ / "avatar_v2.glb").string(), "", 2, monotonic_ms()});
  });
  const GodotRun run = run_godot("godot3-server", server_->port(), "--expect-version 2");
  done = true;
  refine.join();
  EXPECT_EQ(run.result.exit_code, 0) << run.log;
  EXPECT_EQ(run.log.find("SCRIPT ERROR"), std::string::npos) << run.log;
  EXPECT_NE(run.log.find("person 1 has avatar version 2"), std::string::npos) << run.log;
  EXPECT_NE(run.log.find("version=2 status=0"), std::string::npos) << run.log;
  EXPECT_GE(server_->stats().http_requests, 3u) << "both .glb versions came over HTTP";
}

// The Godot 4 addon (tests/godot4_web: a real Godot 4.6 in chromium) gets version 2 of the
// avatar while posing it: it swaps the mesh, the new skeleton shows the pose of the last update
// at once, and it keeps following the stream.
TEST_F(GodotClient, Godot4AddonSwapsInTheRefinedAvatarAndKeepsThePose) {
  const std::string harness =
      test::run_command(
          "echo -n ${AVATAR_MIRROR_HOME:-$HOME/.cache/avatar-mirror}/godot4_web/run_godot4.mjs")
          .out;
  if (!std::filesystem::exists(harness)) GTEST_SKIP() << "no " << harness << ": run make test";
  std::filesystem::copy_file(dir_ / "avatar.glb", dir_ / "avatar_v2.glb");
  std::atomic<bool> done = false;
  std::thread refine([&] {  // a few seconds after the first .glb went out, announce version 2
    while (!done && server_->stats().http_requests < 2) {  // the upgrade, then the .glb
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    std::this_thread::sleep_for(std::chrono::seconds(2));
    server_->send_avatar_updated({1, (dir_ / "avatar_v2.glb").string(), "", 2, monotonic_ms()});
  });
  const std::string source = AM_SOURCE_DIR;
  const auto godot = test::run_command(
      "timeout 200 node " + harness + " --port " + std::to_string(test::free_port()) +
      " --timeout 150 " + source + "/godot/addons=addons " + source + "/godot/demo=demo " + source +
      "/tests/godot4_client -- --url ws://127.0.0.1:" + std::to_string(server_->port()) +
      " --updates 30 --expect-version 2 2>&1");
  done = true;
  refine.join();
  const std::string log = godot.out + godot.err;
  EXPECT_EQ(godot.exit_code, 0) << log;
  EXPECT_NE(log.find("person 1 has avatar version 2"), std::string::npos) << log;
  EXPECT_NE(log.find("version=2 swap_error_deg=0.0"), std::string::npos)
      << "pose lost in the swap: " << log;
  EXPECT_NE(log.find("status=0 ok"), std::string::npos) << log;
}

TEST_F(GodotClient, RenderedGodot3ShowsTheAvatarOnScreen) {
  if (!have("godot3") || !have("xvfb-run")) GTEST_SKIP() << "godot3 or xvfb-run not installed";
  const auto shot = dir_ / "shot.png";
  const GodotRun run = run_godot("xvfb-run -a -s '-screen 0 640x480x24' godot3", server_->port(),
                                 "--screenshot " + shot.string());
  ASSERT_EQ(run.result.exit_code, 0) << run.log;
  EXPECT_EQ(run.log.find("SCRIPT ERROR"), std::string::npos) << run.log;
  const cv::Mat image = cv::imread(shot.string());
  ASSERT_FALSE(image.empty()) << "no screenshot at " << shot;
  // The avatar is unshaded orange (B 0.1, G 0.55, R 1.0) on a dark background.
  int orange = 0, min_x = image.cols, max_x = 0;
  for (int y = 0; y < image.rows; ++y) {
    for (int x = 0; x < image.cols; ++x) {
      const cv::Vec3b p = image.at<cv::Vec3b>(y, x);
      if (p[2] > 200 && p[1] > 100 && p[1] < 180 && p[0] < 80) {
        ++orange;
        min_x = std::min(min_x, x);
        max_x = std::max(max_x, x);
      }
    }
  }
  EXPECT_GT(orange, image.total() / 100) << "avatar pixels in " << shot;
  EXPECT_LT(orange, image.total() / 2);
  EXPECT_GT(max_x - min_x, image.cols / 10) << "the arms spread the avatar sideways";
}

}  // namespace
}  // namespace am

// `avatar-mirror run` end to end on a real video: a WebSocket client gets hello, a new_character
// whose .glb passes the Khronos validator, pose_update messages for that person at the video's
// rate and person_left at the end; the same video played twice against one cache gives the man his
// first id and cached avatar back. Real Godot clients: test_godot_clients.cpp.
#include <netinet/in.h>
#include <sys/socket.h>

#include <chrono>
#include <future>
#include <iostream>
#include <map>
#include <set>
#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/videoio.hpp>

#include "support/process.hpp"
#include "support/testdata.hpp"
#include "support/ws_test_client.hpp"

namespace am {
namespace {

using nlohmann::json;

class RunTest : public ::testing::Test {
 protected:
  std::filesystem::path dir_ =
      test::scratch_dir(::testing::UnitTest::GetInstance()->current_test_info()->name());
  unsigned short port_ = test::free_port();

  void TearDown() override { std::filesystem::remove_all(dir_); }

  // Starts `run` in the background; the future gives its result when it exits.
  std::future<test::CommandResult> start_run(const std::filesystem::path& video) {
    return test::start_mirror_run(dir_, port_, video);
  }
};

TEST_F(RunTest, StreamsHelloAvatarPosesAndPersonLeft) {
  auto run = start_run(test::testdata("video/mmhuman3d_single_person.mp4"));
  auto client = test::connect_when_ready(port_);
  ASSERT_NE(client, nullptr) << "the mirror never listened on port " << port_;
  std::vector<json> messages;
  try {
    while (true) messages.push_back(json::parse(client->read()));
  } catch (const std::exception&) {
    // the mirror closed the connection at the end of the video
  }
  const test::CommandResult result = run.get();
  ASSERT_EQ(result.exit_code, 0) << result.err;
  ASSERT_FALSE(messages.empty());
  EXPECT_EQ(messages.front()["type"], "hello");

  std::optional<json> character;
  for (const auto& m : messages)
    if (m["type"] == "new_character") character = m;
  ASSERT_TRUE(character.has_value()) << result.err;
  const std::string person = std::to_string((*character)["data"]["person_id"].get<int>());
  std::set<std::string> ids;
  for (const auto& m : messages)
    if (m["type"] == "pose_update")
      for (const auto& [id, body] : m["data"].items()) ids.insert(id);
  EXPECT_EQ(ids, std::set<std::string>{person}) << "the one person must keep one id throughout";
  std::vector<double> pose_times;
  bool left = false;
  for (const auto& m : messages) {
    if (m["type"] == "person_left" && std::to_string(m["data"]["person_id"].get<int>()) == person)
      left = true;
    if (m["type"] == "pose_update" && !left && m["data"].contains(person))
      pose_times.push_back(m["data"][person]["timestamp"].get<double>());
  }
  EXPECT_TRUE(left) << "no person_left for the person at the end";
  const std::string glb = (*character)["data"]["mesh_path"];
  const auto validation = test::validate_glb(glb);
  EXPECT_EQ(validation.exit_code, 0) << validation.out << validation.err;

  // The video has 40 frames at 12 fps: the person is in nearly every one of them, and each frame
  // brings a pose_update at the video's rate.
  ASSERT_GE(pose_times.size(), 30u);
  std::vector<double> gaps;
  for (size_t i = 1; i < pose_times.size(); ++i) gaps.push_back(pose_times[i] - pose_times[i - 1]);
  std::sort(gaps.begin(), gaps.end());
  EXPECT_NEAR(gaps[gaps.size() / 2], 1000.0 / 12.0, 15.0) << "median gap between pose_updates";
}

// Every message of one run, with when it arrived (ms after the first pose_update), until the
// mirror closes the connection.
struct Received {
  std::vector<json> messages;
  std::vector<double> at_ms;
};

Received receive_all(test::WsClient& client) {
  Received r;
  std::optional<std::chrono::steady_clock::time_point> first_pose;
  try {
    while (true) {
      r.messages.push_back(json::parse(client.read()));
      const auto now = std::chrono::steady_clock::now();
      if (!first_pose && r.messages.back()["type"] == "pose_update") first_pose = now;
      r.at_ms.push_back(
          first_pose ? std::chrono::duration<double, std::milli>(now - *first_pose).count() : 0);
    }
  } catch (const std::exception&) {
    // the mirror closed the connection at the end of the source
  }
  return r;
}

// One pass of the basketball clip: the first new_character's person id (0: none) and when it
// arrived, and the mirror's log.
struct Pass {
  int id = 0;
  double new_character_ms = 0;
  std::string log;
};

TEST_F(RunTest, TheSameVisitorPlayedTwiceGetsTheSameIdAndTheCachedAvatar) {
  const auto play = [this] {
    auto run = start_run(test::testdata("video/mmhuman3d_single_person.mp4"));
    auto client = test::connect_when_ready(port_);
    Pass pass;
    if (!client) return pass;
    const Received got = receive_all(*client);
    pass.log = run.get().err;
    for (size_t i = 0; i < got.messages.size() && pass.id == 0; ++i)
      if (got.messages[i]["type"] == "new_character") {
        pass.id = got.messages[i]["data"]["person_id"].get<int>();
        pass.new_character_ms = got.at_ms[i];
      }
    return pass;
  };
  // The first visit must leave an avatar in the cache; an avatar build can fail on an unlucky
  // frame (it is retried 5 s later, after this 3 s clip), so the visit is played again until one
  // is built.
  Pass first;
  for (int attempt = 0; attempt < 3 && first.id == 0; ++attempt) first = play();
  ASSERT_NE(first.id, 0) << "no avatar was built in three passes\n" << first.log;
  const Pass second = play();
  // Informational (speed is measured in docs/tracking.md, not asserted here).
  std::cout << "first visit: new_character " << first.new_character_ms
            << " ms after the first pose_update; second: " << second.new_character_ms << " ms\n";
  EXPECT_EQ(second.id, first.id) << "the returning man must get his first id back\n" << second.log;
  EXPECT_NE(second.log.find("person " + std::to_string(first.id) + " came back"), std::string::npos)
      << second.log;
  EXPECT_EQ(second.log.find("built in"), std::string::npos)
      << "his cached avatar must be sent, not a new one built\n"
      << second.log;
}

TEST_F(RunTest, RecordsTheMirrorViewWithTheFaceSwapped) {
  const auto out = dir_ / "view.avi";
  const std::string cmd = "FACE_SWAP_ENABLED=1 FACE_SWAP_SOURCE_IMAGE=" +
                          test::testdata("faces/fr_obama.jpg").string() + " " +
                          test::avatar_mirror(dir_) + " run --max-frames 12 --record " +
                          out.string() + " --source " +
                          test::testdata("video/face_recognition_hamilton_clip.mp4").string();
  const auto result = test::run_command(cmd);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  cv::VideoCapture recorded(out.string());
  cv::VideoCapture original(test::testdata("video/face_recognition_hamilton_clip.mp4").string());
  int frames = 0;
  double changed = 0;
  for (cv::Mat view, source; recorded.read(view) && original.read(source); ++frames)
    if (view.size() == source.size())
      changed = std::max(changed, cv::norm(view, source, cv::NORM_L1));
  EXPECT_GE(frames, 10) << "every processed frame is recorded (a few may be skipped as stale)";
  EXPECT_GT(changed, 0.0) << "the recorded view must differ from the camera image (swapped face)";
}

// A person, an empty room long enough for them to be gone, then the same person again.
std::filesystem::path write_return_visit(const std::filesystem::path& dir) {
  const cv::Mat person = cv::imread(test::testdata("full_body/sith_002.png").string());
  const cv::Mat empty(person.size(), person.type(), cv::Scalar::all(0));
  const auto folder = dir / "visit";
  std::filesystem::create_directories(folder);
  int n = 0;
  for (const auto& [image, count] :
       {std::pair{&person, 45}, std::pair{&empty, 90}, std::pair{&person, 45}})
    for (int i = 0; i < count; ++i) {
      char name[16];
      std::snprintf(name, sizeof name, "%04d.png", n++);
      cv::imwrite((folder / name).string(), *image);
    }
  return folder;
}

TEST_F(RunTest, AReturningVisitorGetsTheirCachedAvatarAtOnce) {
  auto run = start_run(write_return_visit(dir_));
  auto client = test::connect_when_ready(port_);
  ASSERT_NE(client, nullptr);
  std::vector<json> messages;
  try {
    while (true) messages.push_back(json::parse(client->read()));
  } catch (const std::exception&) {
    // the mirror closed the connection at the end of the folder
  }
  const test::CommandResult result = run.get();
  ASSERT_EQ(result.exit_code, 0) << result.err;
  std::map<int, int> characters;
  for (const auto& m : messages)
    if (m["type"] == "new_character") ++characters[m["data"]["person_id"].get<int>()];
  const bool twice = std::any_of(characters.begin(), characters.end(),
                                 [](const auto& c) { return c.second >= 2; });
  EXPECT_TRUE(twice) << "the returning person's id must get its avatar again\n" << result.err;
  EXPECT_NE(result.err.find("came back"), std::string::npos) << result.err;
}

}  // namespace
}  // namespace am

#include <atomic>
#include <chrono>
#include <fstream>
#include <thread>

#include <gtest/gtest.h>

#include "core/clock.hpp"
#include "stream/server.hpp"
#include "support/schema_validator.hpp"
#include "support/synthetic_pose.hpp"
#include "support/testdata.hpp"
#include "support/ws_test_client.hpp"

namespace am {
namespace {

using nlohmann::json;

ServerOptions local_options() {
  ServerOptions o;
  o.host = "127.0.0.1";
  o.port = 0;
  return o;
}

PoseFrame wave_frame(int person_id, double phase, double timestamp) {
  const BindPose bind = make_bind_pose(test::tpose_mediapipe());
  const Landmarks pose = test::posed_landmarks(bind, test::wave_rotations(phase));
  std::array<double, 33> confidence;
  confidence.fill(0.8);
  PersonPose p{person_id, true,      joints_from_landmarks(pose, confidence),
               0.9,       timestamp, bones_from_rotations(bone_rotations(bind, pose))};
  return {{p}};
}

NewCharacter character(int person_id, const std::string& mesh_path) {
  NewCharacter nc;
  nc.person_id = person_id;
  nc.mesh_path = mesh_path;
  nc.skeleton_data = skeleton_data(make_bind_pose(test::tpose_mediapipe()));
  nc.timestamp = monotonic_ms();
  return nc;
}

// Reads until a message of `type` arrives, checking every message against its schema.
json read_until(test::WsClient& client, const std::string& type) {
  for (;;) {
    const std::string text = client.read();
    const auto errors = test::message_schema_errors(text);
    EXPECT_TRUE(errors.empty()) << errors.front() << " in " << text.substr(0, 200);
    json doc = json::parse(text);
    if (doc["type"] == type) return doc;
  }
}

TEST(StreamServer, GreetsThenReplaysCharactersThenStreamsPoses) {
  StreamServer server(local_options());
  server.send_new_character(character(4, "/nonexistent/4.glb"));
  test::WsClient client(server.port());
  const json hello = read_until(client, "hello");
  EXPECT_EQ(hello["data"]["protocol_version"], kProtocolVersion);
  EXPECT_EQ(hello["data"]["joint_names"][15], "left_wrist");
  const json nc = read_until(client, "new_character");
  EXPECT_EQ(nc["data"]["person_id"], 4);
  EXPECT_EQ(nc["data"]["mesh_url"], server.http_base_url() + "/avatars/4.glb");
  EXPECT_EQ(nc["data"]["skeleton_data"]["bones"].size(), std::size_t(kBoneCount));

  server.broadcast_pose(wave_frame(4, 0.25, 100.0));
  const json pose = read_until(client, "pose_update");
  const json& person = pose["data"]["4"];
  const PoseFrame sent = wave_frame(4, 0.25, 100.0);
  EXPECT_DOUBLE_EQ(person["joints"]["left_wrist"]["position"][1].get<double>(),
                   sent.persons[0].joints.at("left_wrist").position[1]);
  EXPECT_EQ(person["bones"]["LeftLowerArm"], json(sent.persons[0].bones.at("LeftLowerArm")));

  server.send_person_left({4, 101.0});
  EXPECT_EQ(read_until(client, "person_left")["data"]["person_id"], 4);
}

TEST(StreamServer, ServesGlbFilesAndHealthOverHttp) {
  const auto dir = test::scratch_dir("stream_http");
  const std::string glb(100000, 'g');
  std::ofstream(dir / "a.glb", std::ios::binary) << glb;
  StreamServer server(local_options());
  server.send_new_character(character(9, (dir / "a.glb").string()));
  test::WsClient client(server.port());
  read_until(client, "new_character");  // registered by now
  const auto reply = test::http_get(server.port(), "/avatars/9.glb");
  EXPECT_EQ(reply.status, 200u);
  EXPECT_EQ(reply.content_type, "model/gltf-binary");
  EXPECT_EQ(reply.body, glb);
  EXPECT_EQ(test::http_get(server.port(), "/health").body, "ok\n");
  EXPECT_EQ(test::http_get(server.port(), "/avatars/8.glb").status, 404u);
  EXPECT_EQ(test::http_get(server.port(), "/etc/passwd").status, 404u);
  server.send_person_left({9, 0.0});
  read_until(client, "person_left");
  EXPECT_EQ(test::http_get(server.port(), "/avatars/9.glb").status, 404u);
}

TEST(StreamServer, AvatarUpdatedServesTheNewGlbAndLateJoinersGetItsVersion) {
  const auto dir = test::scratch_dir("stream_update");
  std::ofstream(dir / "v1.glb", std::ios::binary) << "first";
  std::ofstream(dir / "v2.glb", std::ios::binary) << "refined";
  StreamServer server(local_options());
  server.send_new_character(character(5, (dir / "v1.glb").string()));
  test::WsClient early(server.port());
  read_until(early, "new_character");
  server.send_avatar_updated({5, (dir / "v2.glb").string(), "", 2, 10.0});
  const json update = read_until(early, "avatar_updated");
  EXPECT_EQ(update["data"]["person_id"], 5);
  EXPECT_EQ(update["data"]["version"], 2);
  EXPECT_EQ(update["data"]["mesh_url"], server.http_base_url() + "/avatars/5.glb?v=2");
  EXPECT_EQ(test::http_get(server.port(), "/avatars/5.glb?v=2").body, "refined");

  test::WsClient late(server.port());
  const json nc = read_until(late, "new_character");
  EXPECT_EQ(nc["data"]["version"], 2);
  EXPECT_EQ(nc["data"]["mesh_url"], server.http_base_url() + "/avatars/5.glb?v=2");

  server.send_person_left({5, 11.0});
  read_until(early, "person_left");
  server.send_avatar_updated({5, (dir / "v2.glb").string(), "", 3, 12.0});  // gone: not sent
  early.send(R"({"type":"ping","id":1})");  // answered after anything the update had queued
  EXPECT_EQ(json::parse(early.read())["type"], "pong");
  EXPECT_EQ(test::http_get(server.port(), "/avatars/5.glb").status, 404u);
}

TEST(StreamServer, AnswersPingAndSubscribeAndSurvivesJunkText) {
  StreamServer server(local_options());
  test::WsClient client(server.port());
  read_until(client, "hello");
  client.send("this is not json");
  EXPECT_EQ(read_until(client, "error")["type"], "error");
  client.send(R"({"type":"ping","id":42})");
  EXPECT_EQ(read_until(client, "pong")["data"]["echo"], 42);
  server.send_new_character(character(1, "/x.glb"));
  read_until(client, "new_character");
  client.send(R"({"type":"subscribe"})");
  read_until(client, "hello");
  EXPECT_EQ(read_until(client, "new_character")["data"]["person_id"], 1);
  EXPECT_EQ(server.stats().bad_inbound, 1u);
}

TEST(StreamServer, EnforcesTokenAndAllowedOrigins) {
  ServerOptions o = local_options();
  o.token = "s3cret";
  o.allowed_origins = {"http://good.example"};
  StreamServer server(o);
  EXPECT_ANY_THROW(test::WsClient(server.port()));
  EXPECT_ANY_THROW(test::WsClient(server.port(), "/?token=wrong"));
  EXPECT_ANY_THROW(
      test::WsClient(server.port(), "/?token=s3cret", {{"Origin", "http://evil.example"}}));
  test::WsClient by_query(server.port(), "/?token=s3cret", {{"Origin", "http://good.example"}});
  test::WsClient by_header(server.port(), "/", {{"Authorization", "Bearer s3cret"}});
  EXPECT_EQ(read_until(by_query, "hello")["type"], "hello");
  EXPECT_EQ(read_until(by_header, "hello")["type"], "hello");
  EXPECT_EQ(server.stats().rejected, 3u);
  EXPECT_EQ(test::http_get(server.port(), "/avatars/1.glb").status, 401u);
}

// A web-exported Godot on another origin fetches mesh_url with the token header: the browser
// sends a preflight, then reads the answer only when Access-Control-Allow-Origin lets it.
TEST(StreamServer, AnswersCorsForAllowedOriginsOnly) {
  const auto dir = test::scratch_dir("stream_cors");
  std::ofstream(dir / "a.glb", std::ios::binary) << "glb";
  ServerOptions o = local_options();
  o.token = "s3cret";
  o.allowed_origins = {"http://game.example:8060"};
  StreamServer server(o);
  server.send_new_character(character(5, (dir / "a.glb").string()));
  test::WsClient client(server.port(), "/?token=s3cret");
  read_until(client, "new_character");
  const std::map<std::string, std::string> good{
      {"Origin", "http://game.example:8060"}, {"Access-Control-Request-Headers", "authorization"}};
  const auto preflight =
      test::http_request(server.port(), test::beast::http::verb::options, "/avatars/5.glb", good);
  EXPECT_EQ(preflight.status, 204u);
  EXPECT_EQ(preflight.allow_origin, "http://game.example:8060");
  EXPECT_EQ(preflight.allow_headers, "Authorization");
  const auto evil = test::http_request(server.port(), test::beast::http::verb::options,
                                       "/avatars/5.glb", {{"Origin", "http://evil.example"}});
  EXPECT_EQ(evil.status, 403u);
  EXPECT_EQ(evil.allow_origin, "");
  const auto download =
      test::http_get(server.port(), "/avatars/5.glb",
                     {{"Origin", "http://game.example:8060"}, {"Authorization", "Bearer s3cret"}});
  EXPECT_EQ(download.status, 200u);
  EXPECT_EQ(download.allow_origin, "http://game.example:8060");
  EXPECT_EQ(test::http_get(server.port(), "/avatars/5.glb?token=s3cret",
                           {{"Origin", "http://evil.example"}})
                .allow_origin,
            "");
}

TEST(StreamServer, AnswersCorsForAnyOriginWhenNoneAreConfigured) {
  StreamServer server(local_options());
  const auto preflight = test::http_request(server.port(), test::beast::http::verb::options,
                                            "/avatars/1.glb", {{"Origin", "http://a.example"}});
  EXPECT_EQ(preflight.status, 204u);
  EXPECT_EQ(preflight.allow_origin, "*");
  EXPECT_EQ(test::http_get(server.port(), "/health").allow_origin, "*");
}

TEST(StreamServer, ThirtyTwoClientsAllGetEveryCharacterAndTheLatestPose) {
  StreamServer server(local_options());
  std::vector<std::unique_ptr<test::WsClient>> clients;
  for (int i = 0; i < 32; ++i) {
    clients.push_back(std::make_unique<test::WsClient>(server.port()));
    read_until(*clients.back(), "hello");
  }
  server.send_new_character(character(2, "/x.glb"));
  for (int i = 0; i < 20; ++i) server.broadcast_pose(wave_frame(2, i / 20.0, i));
  server.send_person_left({2, 21.0});
  for (auto& c : clients) {
    EXPECT_EQ(read_until(*c, "new_character")["data"]["person_id"], 2);
    int poses = 0;
    for (json m = read_until(*c, "pose_update");; m = json::parse(c->read())) {
      if (m["type"] == "person_left") break;
      ++poses;
    }
    EXPECT_GE(poses, 1);
  }
  EXPECT_EQ(server.stats().clients, 32u);
}

TEST(StreamServer, SlowClientLosesPosesButNoControlMessagesAndNeverBlocksTheBroadcaster) {
  StreamServer server(local_options());
  test::WsClient slow(server.port(), "/", {}, 20.0);
  test::WsClient fast(server.port());
  read_until(fast, "hello");
  std::atomic<bool> done = false;
  std::atomic<bool> reader_finished = false;
  std::atomic<int> fast_controls = 0;
  std::thread reader([&] {
    try {
      while (!done || fast_controls < 40) {
        const json m = json::parse(fast.read());
        if (m["type"] != "pose_update") ++fast_controls;
      }
    } catch (const std::exception&) {
      // the watchdog below closed the socket: the count says what arrived
    }
    reader_finished = true;
  });
  double slowest_call_ms = 0.0;
  const int kPoses = 3000;
  for (int i = 0; i < kPoses; ++i) {
    const PoseFrame frame = wave_frame(1, i / 100.0, i);
    const double start = monotonic_ms();
    server.broadcast_pose(frame);
    if (i % 150 == 0) server.send_new_character(character(100 + i / 150, "/x.glb"));
    if (i % 150 == 75) server.send_person_left({100 + i / 150, double(i)});
    slowest_call_ms = std::max(slowest_call_ms, monotonic_ms() - start);
  }
  done = true;
  const double deadline = monotonic_ms() + 15000;
  while (!reader_finished && monotonic_ms() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  if (!reader_finished) ::shutdown(fast.socket().native_handle(), SHUT_RDWR);  // wakes the read
  reader.join();
  EXPECT_EQ(fast_controls, 40) << "the fast client must get every new_character and person_left";
  EXPECT_LT(slowest_call_ms, 50.0) << "a broadcast call waited for a client";
  std::vector<std::string> controls;
  int poses = 0;
  read_until(slow, "hello");
  while (controls.size() < 40) {
    const json m = json::parse(slow.read());
    if (m["type"] == "pose_update") ++poses;
    if (m["type"] != "pose_update")
      controls.push_back(m["type"].get<std::string>() +
                         std::to_string(m["data"]["person_id"].get<int>()));
  }
  for (int k = 0; k < 20; ++k) {
    EXPECT_EQ(controls[2 * k], "new_character" + std::to_string(100 + k));
    EXPECT_EQ(controls[2 * k + 1], "person_left" + std::to_string(100 + k));
  }
  EXPECT_LT(poses, kPoses) << "the slow client should have lost stale poses";
  EXPECT_GT(server.stats().dropped_poses, 0u);
  EXPECT_EQ(server.stats().slow_disconnects, 0u);
}

}  // namespace
}  // namespace am

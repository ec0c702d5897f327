// Several mirrors sharing build workers through Redis Streams, as real processes: a real
// redis-server, three `avatar-mirror run` with builder.mode redis on three test videos, two
// `avatar-mirror worker`s, one of them killed with SIGKILL in the middle of a build. Every person
// is built exactly once (the dead worker's job is taken over after builder.claim_timeout_s) and
// each mirror announces the avatars of the people it shows. With a face map, the worker's avatar
// wears the photo the mirror's map gives the person.
#include <spawn.h>
#include <sys/wait.h>

#include <csignal>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cache/redis_cache.hpp"
#include "jobs/avatar_faces.hpp"
#include "jobs/avatar_files.hpp"
#include "support/faces.hpp"
#include "support/glb_texture.hpp"
#include "support/process.hpp"
#include "support/redis_server.hpp"
#include "support/testdata.hpp"
#include "support/ws_test_client.hpp"

namespace am {
namespace {

using nlohmann::json;

// A shell command in the background with its output in a log file.
struct Background {
  pid_t pid = 0;
  std::filesystem::path log;
  Background(const std::string& command, std::filesystem::path log_file)
      : log(std::move(log_file)) {
    const std::string line = "exec env " + command + " >" + log.string() + " 2>&1";
    const char* argv[] = {"sh", "-c", line.c_str(), nullptr};
    if (::posix_spawnp(&pid, "sh", nullptr, nullptr, const_cast<char**>(argv), environ) != 0)
      throw std::runtime_error("cannot start: " + command);
  }
  int wait() {
    int status = 0;
    ::waitpid(pid, &status, 0);
    pid = 0;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  void kill9() {
    if (pid <= 0) return;
    ::kill(pid, SIGKILL);
    wait();
  }
  ~Background() { kill9(); }
  std::string text() const { return test::read_text(log); }
};

struct Mirror {
  unsigned short port = test::free_port();
  std::unique_ptr<Background> process;
  std::vector<json> messages;
  std::thread reader;
  ~Mirror() {
    if (process) process->kill9();  // closes the connection, so the reader ends
    if (reader.joinable()) reader.join();
  }
};

// Person ids in the worker log lines "worker NAME: avatar of person ID built" (or "from").
std::multiset<int> persons_in(const std::string& log, const std::string& what) {
  std::multiset<int> out;
  const std::regex line("avatar of person ([0-9]+) " + what);
  for (auto it = std::sregex_iterator(log.begin(), log.end(), line); it != std::sregex_iterator();
       ++it)
    out.insert(std::stoi((*it)[1]));
  return out;
}

class BuildWorkersTest : public ::testing::Test {
 protected:
  std::filesystem::path dir_ = test::scratch_dir("build_workers");
  test::RedisServer redis_{"build_workers"};

  std::string env(const std::string& name) const {
    return "LOG_FILE=" + (dir_ / (name + ".logfile")).string() +
           " CACHE_DIR=" + (dir_ / name).string() + " USE_REDIS=1 REDIS_URL=" + redis_.url() +
           " BUILDER_MODE=redis BUILDER_CLAIM_TIMEOUT_S=3 WEBSOCKET_HOST=127.0.0.1 ";
  }
  std::unique_ptr<Background> start_worker(const std::string& name) {
    return std::make_unique<Background>(
        env(name) + std::string(AM_BINARY_DIR) + "/avatar-mirror worker --name " + name,
        dir_ / (name + ".log"));
  }
  void start_mirror(Mirror& m, const std::string& name, const std::string& video, int frames) {
    m.process = std::make_unique<Background>(
        env(name) + "WEBSOCKET_PORT=" + std::to_string(m.port) + " " + std::string(AM_BINARY_DIR) +
            "/avatar-mirror run --max-frames " + std::to_string(frames) + " --source " +
            test::testdata("video/" + video).string(),
        dir_ / (name + ".log"));
    m.reader = std::thread([&m] {
      auto client = test::connect_when_ready(m.port);
      if (!client) return;
      try {
        while (true) m.messages.push_back(json::parse(client->read()));
      } catch (const std::exception&) {
        // the mirror closed the connection when it finished
      }
    });
  }
};

TEST_F(BuildWorkersTest, EveryPersonIsBuiltOnceAndReachesTheirMirrorThoughAWorkerDies) {
  auto w1 = start_worker("w1");
  auto w2 = start_worker("w2");
  std::vector<Mirror> mirrors(3);
  start_mirror(mirrors[0], "m1", "mmhuman3d_single_person.mp4", 40);
  start_mirror(mirrors[1], "m2", "peoplesnapshot_female-1-casual.mp4", 100);
  start_mirror(mirrors[2], "m3", "face_recognition_hamilton_clip.mp4", 100);

  // Kill whichever worker starts a build first, in the middle of it.
  std::string killed, survivor;
  for (int i = 0; i < 1200 && killed.empty(); ++i) {
    for (auto [name, w] : {std::pair{"w1", &w1}, std::pair{"w2", &w2}})
      if (!persons_in((*w)->text(), "from").empty()) {
        (*w)->kill9();
        killed = name;
        survivor = killed == "w1" ? "w2" : "w1";
        break;
      }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_FALSE(killed.empty()) << "no worker ever started a build";
  for (Mirror& m : mirrors) {
    EXPECT_EQ(m.process->wait(), 0) << m.process->text();
    m.reader.join();
  }
  Background& alive = killed == "w1" ? *w2 : *w1;
  ::kill(alive.pid, SIGTERM);
  alive.wait();
  Background& dead = killed == "w1" ? *w1 : *w2;

  const std::multiset<int> started_by_dead = persons_in(dead.text(), "from");
  const std::multiset<int> built_by_dead = persons_in(dead.text(), "built");
  const std::multiset<int> built = persons_in(alive.text(), "built");
  EXPECT_TRUE(built_by_dead.empty()) << "killed before it finished";
  ASSERT_FALSE(built.empty()) << alive.text();
  for (int person : std::set<int>(built.begin(), built.end()))
    EXPECT_EQ(built.count(person), 1u) << "person " << person << " built twice";
  for (int person : started_by_dead)
    EXPECT_EQ(built.count(person), 1u)
        << "the dead worker's job for " << person << " was not taken over";
  EXPECT_NE(alive.text().find("(attempt 2)"), std::string::npos) << alive.text();

  std::set<int> announced_everywhere;
  for (size_t i = 0; i < mirrors.size(); ++i) {
    std::set<int> shown, announced;
    for (const json& m : mirrors[i].messages) {
      if (m["type"] == "pose_update")
        for (const auto& [id, body] : m["data"].items()) shown.insert(std::stoi(id));
      if (m["type"] == "new_character") announced.insert(m["data"]["person_id"].get<int>());
    }
    for (int person : announced) {
      EXPECT_TRUE(shown.count(person)) << "mirror " << i + 1 << " announced a stranger";
      EXPECT_EQ(built.count(person), 1u) << "announced but not built by the workers";
      announced_everywhere.insert(person);
    }
  }
  EXPECT_FALSE(announced_everywhere.empty()) << "no mirror announced an avatar";
  // A person built for a mirror reaches it; only someone already gone when their avatar was
  // ready is not announced (they get it when they come back).
  for (int person : std::set<int>(built.begin(), built.end())) {
    if (announced_everywhere.count(person)) continue;
    bool left_somewhere = false;
    for (const Mirror& m : mirrors)
      for (const json& msg : m.messages)
        left_somewhere |=
            msg["type"] == "person_left" && msg["data"]["person_id"].get<int>() == person;
    EXPECT_TRUE(left_somewhere) << "person " << person << " was built but never announced";
  }
}

TEST_F(BuildWorkersTest, WithRedisDownTheMirrorBuildsItselfAndSaysSo) {
  redis_.kill();
  Mirror m;
  start_mirror(m, "alone", "mmhuman3d_single_person.mp4", 40);
  EXPECT_EQ(m.process->wait(), 0) << m.process->text();
  m.reader.join();
  const std::string log = m.process->text();
  bool announced = false;
  for (const json& msg : m.messages) announced |= msg["type"] == "new_character";
  EXPECT_TRUE(announced) << log;
  EXPECT_NE(log.find("building avatars here"), std::string::npos) << log;
  EXPECT_NE(log.find("builds: here (Redis down)"), std::string::npos) << log;
  EXPECT_NE(log.find("avatar of person"), std::string::npos) << log;
}

// The mirror swaps the photo its face map gives the person into the job's photo and names it in
// the job's face tag; the worker builds from that photo and stores the avatar with that tag. The
// first mirror on a fresh Redis numbers its people from 1000001 (its block of a million ids).
TEST_F(BuildWorkersTest, TheWorkersAvatarWearsThePhotoTheMirrorsFaceMapGivesThePerson) {
  const std::string biden = test::testdata("faces/fr_biden.jpg").string();
  auto worker = start_worker("w");
  Background mirror(
      env("m") + "WEBSOCKET_PORT=0 FACE_SWAP_ENABLED=true FACE_SWAP_FACE_MAP=1000001=" + biden +
          " " + std::string(AM_BINARY_DIR) + "/avatar-mirror run --loop --max-frames 30 --source " +
          test::testdata("full_body/sith_002.png").string(),
      dir_ / "m.log");
  EXPECT_EQ(mirror.wait(), 0) << mirror.text();
  ::kill(worker->pid, SIGTERM);
  worker->wait();
  EXPECT_EQ(persons_in(worker->text(), "built"), std::multiset<int>{1000001}) << worker->text();

  const auto avatar = RedisCache(RedisCacheOptions{redis_.endpoint()}).get_avatar("1000001");
  ASSERT_TRUE(avatar.has_value()) << mirror.text();
  EXPECT_EQ(face_from_metadata(avatar->metadata_json), avatar_face_tag(biden, PasteOptions{}));
  const auto glb = dir_ / "worker_avatar.glb";
  std::ofstream(glb, std::ios::binary) << avatar->glb;
  const FaceDetector detector(test::models_dir());
  const FaceEmbedder embedder(test::models_dir() / kFaceFeatureModelFile);
  const FaceEmbedding face =
      test::largest_face_embedding(detector, embedder, test::glb_texture(glb));
  ASSERT_FALSE(face.empty()) << "no face on the avatar's texture";
  const auto like = [&](const std::filesystem::path& photo) {
    return cosine_similarity(
        face, test::largest_face_embedding(detector, embedder, cv::imread(photo.string())));
  };
  const float to_obama = like(test::testdata("faces/fr_obama.jpg"));
  const float to_visitor = like(test::testdata("full_body/sith_002.png"));
  std::cout << "worker's avatar: cos to biden " << like(biden) << ", to obama " << to_obama
            << ", to the visitor " << to_visitor << "\n";
  EXPECT_GT(like(biden), to_obama);
  EXPECT_GT(like(biden), to_visitor);
}

}  // namespace
}  // namespace am

// The Redis Streams build queue with a real redis-server, the real models and a real photo:
// duplicates are queued once, a job left by a dead worker is taken over and built once, a job
// that keeps failing ends in the dead-letter stream with its reason, and an avatar already stored
// is not built again.
#include <gtest/gtest.h>

#include <thread>

#include <opencv2/imgcodecs.hpp>

#include "cache/redis_cache.hpp"
#include "jobs/avatar_files.hpp"
#include "jobs/build_worker.hpp"
#include "perception/pose/pose_tracker.hpp"
#include "support/models_dir.hpp"
#include "support/redis_server.hpp"
#include "support/testdata.hpp"

namespace am {
namespace {

using std::chrono::milliseconds;

class BuildQueueTest : public ::testing::Test {
 protected:
  BuildQueueOptions options(milliseconds claim_after) {
    BuildQueueOptions o;
    o.endpoint = redis_.endpoint();
    o.claim_after = claim_after;
    return o;
  }
  static const BuildJob& photo_job() {
    static const BuildJob job = [] {
      BuildJob j;
      j.person_id = 5;
      j.image = cv::imread(test::testdata("full_body/pifuhd_test.png").string());
      PoseTracker pose(test::models_dir());
      j.person = pose.process(j.image, 0, false).at(0);
      return j;
    }();
    return job;
  }
  long long length(const std::string& stream) {
    return conn_.run({"XLEN", "avatar-mirror:v1:build:" + stream}).integer;
  }
  RedisReply entries(const std::string& stream) {
    return conn_.run({"XRANGE", "avatar-mirror:v1:build:" + stream, "-", "+"});
  }
  // The fields of a stream entry as a map.
  static std::map<std::string, std::string> fields_of(const RedisReply& entry) {
    std::map<std::string, std::string> out;
    const auto& f = entry.elements[1].elements;
    for (size_t i = 0; i + 1 < f.size(); i += 2) out[f[i].text] = f[i + 1].text;
    return out;
  }

  test::RedisServer redis_{"build_queue"};
  RedisConnection conn_{redis_.endpoint(), milliseconds(2000)};
  RedisCache cache_{RedisCacheOptions{redis_.endpoint()}};
  Segmenter segmenter_{test::models_dir()};
  std::filesystem::path scratch_ = test::scratch_dir("build_queue_avatars");
  BuildTools tools_{segmenter_, cache_, scratch_};
};

TEST_F(BuildQueueTest, DuplicateJobsForOnePersonAreQueuedOnce) {
  RedisBuildQueue queue(options(milliseconds(60000)));
  EXPECT_TRUE(queue.enqueue(photo_job(), {"a", 1}));
  EXPECT_FALSE(queue.enqueue(photo_job(), {"b", 2}));
  EXPECT_EQ(length("jobs"), 1);
}

TEST_F(BuildQueueTest, AJobLeftByADeadWorkerIsTakenOverAndBuiltOnce) {
  RedisBuildQueue mirror(options(milliseconds(300)));
  BuildJob swapped = photo_job();
  swapped.face_tag = "swap crc32=0badf00d blend=feathered keep_mouth=true keep_eyes=false";
  ASSERT_TRUE(mirror.enqueue(swapped, {"hall", unix_now_ms()}));
  RedisBuildQueue dying(options(milliseconds(300)));
  ASSERT_TRUE(dying.claim("dying", milliseconds(100)).has_value());  // and never finishes
  RedisBuildQueue alive_queue(options(milliseconds(300)));
  BuildWorker alive(alive_queue, tools_, "alive");
  EXPECT_FALSE(alive.run_once(milliseconds(100))) << "taken over before claim_after";
  std::this_thread::sleep_for(milliseconds(400));
  ASSERT_TRUE(alive.run_once(milliseconds(100)));

  const RedisReply results = entries("results");
  ASSERT_EQ(results.elements.size(), 1u);
  auto r = fields_of(results.elements[0]);
  EXPECT_EQ(r["worker"], "alive");
  EXPECT_EQ(r["built"], "1");
  EXPECT_EQ(r["ok"], "1");
  const auto stored = cache_.get_avatar("5");
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(face_from_metadata(stored->metadata_json), swapped.face_tag)
      << "stored wearing the face the job names";
  EXPECT_EQ(length("jobs"), 0) << "acknowledged and removed";
  EXPECT_EQ(conn_.run({"EXISTS", "avatar-mirror:v1:build:lock:5"}).integer, 0);
  EXPECT_FALSE(alive.run_once(milliseconds(100))) << "nothing is left to build";
}

TEST_F(BuildQueueTest, AJobThatKeepsFailingIsDeadLetteredWithItsReason) {
  RedisBuildQueue queue(options(milliseconds(100)));
  JobFields fields = encode_job(photo_job(), {"hall", unix_now_ms()});
  RedisCommand add = {"XADD", "avatar-mirror:v1:build:jobs", "*"};
  for (auto& [name, value] : fields) {
    if (name == "image") value = "this is not a JPEG";
    add.insert(add.end(), {name, value});
  }
  conn_.run(add);
  BuildWorker worker(queue, tools_, "w");
  for (int i = 0; i < 30 && length("dead") == 0; ++i) {
    worker.run_once(milliseconds(50));
    std::this_thread::sleep_for(milliseconds(60));
  }
  const RedisReply dead = entries("dead");
  ASSERT_EQ(dead.elements.size(), 1u);
  auto d = fields_of(dead.elements[0]);
  EXPECT_EQ(d["attempts"], "3");
  EXPECT_EQ(d["person"], "5");
  EXPECT_NE(d["reason"].find("\"image\""), std::string::npos) << d["reason"];
  EXPECT_EQ(length("jobs"), 0);
  const RedisReply results = entries("results");
  ASSERT_EQ(results.elements.size(), 1u) << "mirrors hear about the failure";
  EXPECT_FALSE(cache_.get_avatar("5").has_value());
}

TEST_F(BuildQueueTest, AnAvatarAlreadyStoredIsNotBuiltAgain) {
  const std::int64_t queued_at = unix_now_ms();
  cache_.put_avatar({"5", "glTF-already-built", avatar_metadata(Landmarks{}, {}, ""), queued_at});
  RedisBuildQueue queue(options(milliseconds(60000)));
  ASSERT_TRUE(queue.enqueue(photo_job(), {"hall", queued_at}));
  BuildWorker worker(queue, tools_, "w");
  ASSERT_TRUE(worker.run_once(milliseconds(100)));
  std::string after = "0-0";
  const auto results = queue.read_results(after, milliseconds(10));
  ASSERT_EQ(results.size(), 1u);
  EXPECT_TRUE(results[0].ok);
  EXPECT_FALSE(results[0].built);
  EXPECT_EQ(cache_.get_avatar("5")->glb, "glTF-already-built");
}

}  // namespace
}  // namespace am

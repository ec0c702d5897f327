// ResilientCache with a real redis-server that is killed and restarted during the run: reads and
// writes keep succeeding from the file cache, one warning per outage, and after the restart the
// entries written meanwhile reach Redis without overwriting newer data there.
#include <thread>

#include <gtest/gtest.h>

#include "cache/resilient_cache.hpp"
#include "support/cache_test_data.hpp"
#include "support/log_capture.hpp"
#include "support/redis_server.hpp"

namespace am {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

class ResilientCacheTest : public ::testing::Test {
 protected:
  std::string name_ = ::testing::UnitTest::GetInstance()->current_test_info()->name();
  test::RedisServer server_{name_};
  fs::path dir_ = test::scratch_dir("resilient_" + name_);
  RedisCache direct_{RedisCacheOptions{server_.endpoint()}};

  void TearDown() override { fs::remove_all(dir_); }

  ResilientCacheOptions options(std::chrono::milliseconds initial_backoff = 100ms) {
    ResilientCacheOptions o;
    o.redis.endpoint = server_.endpoint();
    o.file.dir = dir_;
    o.initial_backoff = initial_backoff;
    o.max_backoff = 400ms;
    return o;
  }

  static bool wait_until_online(const ResilientCache& cache) {
    for (int i = 0; i < 500 && !cache.redis_online(); ++i) std::this_thread::sleep_for(10ms);
    return cache.redis_online();
  }
};

TEST_F(ResilientCacheTest, KeepsServingWhileRedisIsDownAndCatchesUpAfterRestart) {
  ResilientCache cache(options());
  cache.put_identity(test::make_identity("before", 1));
  cache.put_avatar(test::make_avatar("before", 1, 100'000));
  ASSERT_EQ(direct_.get_identity("before"), test::make_identity("before", 1));

  test::WarningCounter warnings;
  server_.kill();
  cache.put_identity(test::make_identity("during", 2));
  cache.put_avatar(test::make_avatar("during", 2, 100'000));
  EXPECT_EQ(cache.get_identity("during"), test::make_identity("during", 2));
  EXPECT_EQ(cache.get_avatar("before"), test::make_avatar("before", 1, 100'000));
  EXPECT_EQ(cache.list_identities().size(), 2u);
  EXPECT_FALSE(cache.redis_online());
  std::this_thread::sleep_for(500ms);  // several failed reconnect attempts
  cache.touch("during", 3);
  EXPECT_EQ(warnings.count(), 1u) << "an outage is reported once";

  server_.start();
  ASSERT_TRUE(wait_until_online(cache));
  EXPECT_EQ(direct_.get_identity("during")->last_seen_ms, 3);
  EXPECT_EQ(direct_.get_avatar("during"), test::make_avatar("during", 2, 100'000));
  EXPECT_EQ(cache.get_identity("during")->last_seen_ms, 3);
}

TEST_F(ResilientCacheTest, CatchingUpNeverOverwritesNewerDataInRedis) {
  ResilientCache cache(options(300ms));
  server_.kill();
  cache.put_identity(test::make_identity("newer-in-redis", 100));
  cache.put_identity(test::make_identity("older-in-redis", 100));
  cache.put_avatar(test::make_avatar("newer-in-redis", 100, 1000));
  server_.start();  // empty again; another mirror writes before we reconnect
  direct_.put_identity(test::make_identity("newer-in-redis", 200));
  direct_.put_identity(test::make_identity("older-in-redis", 50));
  direct_.put_avatar(test::make_avatar("newer-in-redis", 200, 1000));
  ASSERT_TRUE(wait_until_online(cache));

  EXPECT_EQ(direct_.get_identity("newer-in-redis"), test::make_identity("newer-in-redis", 200));
  EXPECT_EQ(direct_.get_avatar("newer-in-redis"), test::make_avatar("newer-in-redis", 200, 1000));
  EXPECT_EQ(direct_.get_identity("older-in-redis"), test::make_identity("older-in-redis", 100));
}

TEST_F(ResilientCacheTest, StartsWhenRedisIsDownAndCatchesUpWhenItComes) {
  server_.kill();
  ResilientCache cache(options());
  EXPECT_FALSE(cache.redis_online());
  cache.put_identity(test::make_identity("early", 1));
  EXPECT_EQ(cache.get_identity("early"), test::make_identity("early", 1));
  server_.start();
  ASSERT_TRUE(wait_until_online(cache));
  EXPECT_EQ(direct_.get_identity("early"), test::make_identity("early", 1));
}

TEST_F(ResilientCacheTest, WritersNeverFailThroughAKillAndRestartAndRedisEndsCurrent) {
  ResilientCache cache(options());
  constexpr int kThreads = 3;
  constexpr int kKeysPerThread = 4;
  std::atomic<bool> stop{false};
  std::atomic<int> failures{0};
  std::vector<std::int64_t> last_version(kThreads, 0);
  std::vector<std::thread> writers;
  for (int t = 0; t < kThreads; ++t) {
    writers.emplace_back([&, t] {
      for (std::int64_t v = 1; !stop; ++v) {
        try {
          const std::string key = test::key("t", t) + test::key("k", v % kKeysPerThread);
          cache.put_identity(test::make_identity(key, v));
          const auto got = cache.get_identity(key);
          if (!got || !test::identity_matches(*got)) ++failures;
          last_version[t] = v;
        } catch (const std::exception&) {
          ++failures;
        }
        std::this_thread::sleep_for(2ms);
      }
    });
  }
  std::this_thread::sleep_for(300ms);
  server_.kill();
  std::this_thread::sleep_for(500ms);
  server_.start();
  ASSERT_TRUE(wait_until_online(cache));
  std::this_thread::sleep_for(200ms);
  stop = true;
  for (auto& w : writers) w.join();

  EXPECT_EQ(failures.load(), 0);
  for (int t = 0; t < kThreads; ++t) {
    for (std::int64_t v = last_version[t] - kKeysPerThread + 1; v <= last_version[t]; ++v) {
      const std::string key = test::key("t", t) + test::key("k", v % kKeysPerThread);
      EXPECT_EQ(direct_.get_identity(key), test::make_identity(key, v)) << key;
    }
  }
}

}  // namespace
}  // namespace am

// One suite, run against both backends: FileCache on a scratch folder and RedisCache on a real
// redis-server started for each test. Covers the Cache contract, corruption, two instances
// sharing one store (two mirrors), and several threads plus a second process on the same ids.
#include <fstream>
#include <thread>

#include <gtest/gtest.h>

#include "cache/entry_codec.hpp"
#include "cache/file_cache.hpp"
#include "cache/redis_cache.hpp"
#include "stress_tool_process.hpp"
#include "support/cache_test_data.hpp"
#include "support/log_capture.hpp"
#include "support/redis_server.hpp"

namespace am {
namespace {

namespace fs = std::filesystem;

std::string test_name() { return ::testing::UnitTest::GetInstance()->current_test_info()->name(); }

struct FileBackend {
  fs::path dir = test::scratch_dir("backend_" + test_name());
  ~FileBackend() { fs::remove_all(dir); }
  std::unique_ptr<Cache> open() { return std::make_unique<FileCache>(FileCacheOptions{dir}); }
  std::vector<std::string> tool_target() { return {"file", dir.string()}; }
  void corrupt_avatar(const std::string&) {
    for (const auto& f : fs::directory_iterator(dir)) {
      if (!f.path().string().ends_with(".avatar")) continue;
      std::fstream file(f.path(), std::ios::in | std::ios::out | std::ios::binary);
      file.seekp(static_cast<std::streamoff>(fs::file_size(f.path()) / 2));
      file.put('\x5a');
    }
  }
};

struct RedisBackend {
  test::RedisServer server{test_name()};
  std::unique_ptr<Cache> open() {
    return std::make_unique<RedisCache>(RedisCacheOptions{server.endpoint()});
  }
  std::vector<std::string> tool_target() { return {"redis", server.url()}; }
  void corrupt_avatar(const std::string& id) {
    RedisConnection conn(server.endpoint(), std::chrono::milliseconds(1000));
    conn.run({"SETRANGE", "avatar-mirror:v1:avatar:" + id, "1000", "\x5a"});
  }
};

template <class Backend>
class CacheContract : public ::testing::Test {
 protected:
  Backend backend_;
  std::unique_ptr<Cache> cache_ = backend_.open();
};

using Backends = ::testing::Types<FileBackend, RedisBackend>;
TYPED_TEST_SUITE(CacheContract, Backends);

TYPED_TEST(CacheContract, UnknownIdsAreMisses) {
  EXPECT_FALSE(this->cache_->get_identity("nobody"));
  EXPECT_FALSE(this->cache_->get_avatar("nobody"));
  EXPECT_TRUE(this->cache_->list_identities().empty());
  EXPECT_FALSE(this->cache_->touch("nobody", 5));
  this->cache_->remove("nobody");
}

TYPED_TEST(CacheContract, IdentitiesRoundTripAndAreListed) {
  const Identity a = test::make_identity("a", 100);
  const Identity b = test::make_identity("b", 200);
  this->cache_->put_identity(a);
  this->cache_->put_identity(b);
  EXPECT_EQ(this->cache_->get_identity("a"), a);
  auto listed = this->cache_->list_identities();
  std::sort(listed.begin(), listed.end(), [](auto& x, auto& y) { return x.id < y.id; });
  EXPECT_EQ(listed, (std::vector<Identity>{a, b}));
}

TYPED_TEST(CacheContract, AnIdentitysBodyAppearanceRoundTripsAndIsListed) {
  Identity walker = test::make_identity("walker", 300);
  walker.body = {1.5f, -2.0f, 0.25f};
  walker.body_version = 1;
  const Identity body_only{"far", {}, 5, 400, {3.0f}, 1};
  this->cache_->put_identity(walker);
  this->cache_->put_identity(body_only);
  EXPECT_EQ(this->cache_->get_identity("walker"), walker);
  auto listed = this->cache_->list_identities();
  std::sort(listed.begin(), listed.end(), [](auto& x, auto& y) { return x.id < y.id; });
  EXPECT_EQ(listed, (std::vector<Identity>{body_only, walker}));
}

TYPED_TEST(CacheContract, A2MbAvatarRoundTripsByteForByte) {
  const Avatar avatar = test::make_avatar("a", 7, 2 << 20);
  this->cache_->put_avatar(avatar);
  EXPECT_EQ(this->cache_->get_avatar("a"), avatar);
}

TYPED_TEST(CacheContract, APutReplacesTheEntry) {
  this->cache_->put_identity(test::make_identity("a", 1));
  this->cache_->put_identity(test::make_identity("a", 2));
  this->cache_->put_avatar(test::make_avatar("a", 1, 100));
  this->cache_->put_avatar(test::make_avatar("a", 2, 100));
  EXPECT_EQ(this->cache_->get_identity("a"), test::make_identity("a", 2));
  EXPECT_EQ(this->cache_->get_avatar("a"), test::make_avatar("a", 2, 100));
  EXPECT_EQ(this->cache_->list_identities().size(), 1u);
}

TYPED_TEST(CacheContract, TouchOnlyMovesLastSeenForward) {
  const Identity a = test::make_identity("a", 100);
  this->cache_->put_identity(a);
  EXPECT_TRUE(this->cache_->touch("a", 500));
  EXPECT_TRUE(this->cache_->touch("a", 300));
  const auto got = this->cache_->get_identity("a");
  ASSERT_TRUE(got);
  EXPECT_EQ(got->last_seen_ms, 500);
  EXPECT_EQ(got->first_seen_ms, a.first_seen_ms);
  EXPECT_EQ(got->embeddings, a.embeddings);
}

TYPED_TEST(CacheContract, RemoveDropsIdentityAndAvatar) {
  this->cache_->put_identity(test::make_identity("a", 1));
  this->cache_->put_avatar(test::make_avatar("a", 1, 100));
  this->cache_->put_identity(test::make_identity("b", 1));
  this->cache_->remove("a");
  EXPECT_FALSE(this->cache_->get_identity("a"));
  EXPECT_FALSE(this->cache_->get_avatar("a"));
  ASSERT_EQ(this->cache_->list_identities().size(), 1u);
  EXPECT_EQ(this->cache_->list_identities()[0].id, "b");
}

TYPED_TEST(CacheContract, ACorruptEntryIsDroppedLoggedAndNeverServed) {
  this->cache_->put_avatar(test::make_avatar("a", 1, 5000));
  this->backend_.corrupt_avatar("a");
  test::WarningCounter warnings;
  EXPECT_FALSE(this->cache_->get_avatar("a"));
  EXPECT_EQ(warnings.count(), 1u);
  EXPECT_FALSE(this->cache_->get_avatar("a"));
  EXPECT_EQ(warnings.count(), 1u) << "the corrupt entry should have been deleted";
  this->cache_->put_avatar(test::make_avatar("a", 2, 5000));
  EXPECT_EQ(this->cache_->get_avatar("a"), test::make_avatar("a", 2, 5000));
}

TYPED_TEST(CacheContract, TwoMirrorsOnOneStoreSeeEachOthersEntries) {
  auto other = this->backend_.open();
  this->cache_->put_identity(test::make_identity("seen-by-one", 10));
  this->cache_->put_avatar(test::make_avatar("seen-by-one", 10, 1000));
  EXPECT_EQ(other->list_identities(),
            (std::vector<Identity>{test::make_identity("seen-by-one", 10)}));
  EXPECT_EQ(other->get_avatar("seen-by-one"), test::make_avatar("seen-by-one", 10, 1000));
  other->touch("seen-by-one", 20);
  EXPECT_EQ(this->cache_->get_identity("seen-by-one")->last_seen_ms, 20);
}

TYPED_TEST(CacheContract, ThreadsAndASecondProcessShareTheSameIdentities) {
  constexpr int kKeys = 6;
  std::vector<std::string> args = this->backend_.tool_target();
  for (const char* a : {"identities", "6", "1000000", "1500", "0"}) args.push_back(a);
  test::StressToolProcess other_process(args);

  std::atomic<int> mismatches{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      auto cache = this->backend_.open();
      for (int i = 0; i < 300; ++i) {
        const std::string key = test::key("k", (i + t) % kKeys);
        cache->put_identity(test::make_identity(key, t * 100000 + i));
        const auto got = cache->get_identity(test::key("k", (i * 5 + t) % kKeys));
        if (got && !test::identity_matches(*got)) ++mismatches;
        if (i % 50 == 0) {
          for (const auto& listed : cache->list_identities()) {
            if (!test::identity_matches(listed)) ++mismatches;
          }
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(other_process.wait(), 0) << "the second process read a record that does not match";
  EXPECT_EQ(mismatches.load(), 0);
  const auto all = this->cache_->list_identities();
  EXPECT_EQ(all.size(), static_cast<std::size_t>(kKeys));
  for (const auto& identity : all) EXPECT_TRUE(test::identity_matches(identity)) << identity.id;
}

}  // namespace
}  // namespace am

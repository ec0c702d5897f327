// Crash safety of the file cache: a writer process putting ~1 MB avatars in a loop is killed
// with SIGKILL at random moments, 30 times, while a reader thread keeps reading. Every avatar
// read must be complete and exactly what was written, an entry once seen is never lost or
// replaced by an older one, and cleanup() removes the writers' leftover temporary files.
#include <map>
#include <random>
#include <thread>

#include <gtest/gtest.h>

#include "cache/file_cache.hpp"
#include "stress_tool_process.hpp"
#include "support/cache_test_data.hpp"
#include "support/testdata.hpp"

namespace am {
namespace {

namespace fs = std::filesystem;

constexpr int kKeys = 4;
constexpr std::size_t kAvatarBytes = 1 << 20;
constexpr int kRounds = 30;

std::size_t count_temp_files(const fs::path& dir) {
  std::size_t n = 0;
  for (const auto& f : fs::directory_iterator(dir)) {
    n += f.path().filename().string().starts_with(".tmp.") ? 1 : 0;
  }
  return n;
}

// Reads every key; fails the test on a damaged avatar, a lost one or a version going back.
void check_all_keys(FileCache& cache, std::map<std::string, std::int64_t>& newest_seen) {
  for (int k = 0; k < kKeys; ++k) {
    const std::string key = test::key("k", k);
    const auto avatar = cache.get_avatar(key);
    if (!avatar) {
      EXPECT_EQ(newest_seen.count(key), 0u) << key << " was cached and is now lost";
      continue;
    }
    EXPECT_TRUE(test::avatar_matches(*avatar, kAvatarBytes)) << key << " is damaged";
    EXPECT_GE(avatar->created_ms, newest_seen[key]) << key << " went back to an older version";
    newest_seen[key] = avatar->created_ms;
  }
}

TEST(FileCacheCrash, WritersKilledMidWriteNeverLeaveCorruptOrPartialEntries) {
  const fs::path dir = test::scratch_dir("crash");
  FileCache cache({dir});
  std::mt19937 rng(12345);
  std::uniform_int_distribution<int> kill_after_ms(5, 60);
  std::map<std::string, std::int64_t> newest_seen;
  std::atomic<bool> writing{true};
  std::atomic<int> damaged_reads{0};
  std::atomic<int> reads{0};
  std::thread reader([&] {
    FileCache own({dir});
    while (writing) {
      for (int k = 0; k < kKeys; ++k) {
        const auto avatar = own.get_avatar(test::key("k", k));
        ++reads;
        if (avatar && !test::avatar_matches(*avatar, kAvatarBytes)) ++damaged_reads;
      }
    }
  });

  std::size_t max_temp_files = 0;
  for (int round = 0; round < kRounds; ++round) {
    const std::string start = std::to_string(1'000'000LL * (round + 1));
    test::StressToolProcess writer({"file", dir.string(), "avatars", std::to_string(kKeys), start,
                                    "0", std::to_string(kAvatarBytes)});
    std::this_thread::sleep_for(std::chrono::milliseconds(kill_after_ms(rng)));
    writer.kill();
    max_temp_files = std::max(max_temp_files, count_temp_files(dir));
    check_all_keys(cache, newest_seen);
  }
  writing = false;
  reader.join();

  EXPECT_EQ(damaged_reads.load(), 0);
  EXPECT_GT(reads.load(), kRounds);
  EXPECT_GT(newest_seen.size(), 0u) << "the writer never finished one entry; test proves nothing";
  EXPECT_GT(max_temp_files, 0u) << "no kill landed mid-write; test proves nothing";
  cache.cleanup();
  EXPECT_EQ(count_temp_files(dir), 0u);
  check_all_keys(cache, newest_seen);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace am

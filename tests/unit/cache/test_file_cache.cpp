// FileCache specifics: damaged files are dropped and logged, size and age limits with LRU,
// stray temporary files, id encoding.
#include <fstream>

#include <gtest/gtest.h>

#include "cache/file_cache.hpp"
#include "core/config.hpp"
#include "support/cache_test_data.hpp"
#include "support/log_capture.hpp"
#include "support/testdata.hpp"

namespace am {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

class FileCacheTest : public ::testing::Test {
 protected:
  fs::path dir_ =
      test::scratch_dir(::testing::UnitTest::GetInstance()->current_test_info()->name());
  void TearDown() override { fs::remove_all(dir_); }

  std::vector<fs::path> files_ending(const std::string& suffix) const {
    std::vector<fs::path> out;
    for (const auto& f : fs::directory_iterator(dir_)) {
      if (f.path().string().ends_with(suffix)) out.push_back(f.path());
    }
    return out;
  }
  void set_age(const fs::path& file, std::chrono::seconds age) {
    fs::last_write_time(file, fs::file_time_type::clock::now() - age);
  }
};

TEST_F(FileCacheTest, TruncatedOrGarbageFilesAreDroppedLoggedAndNeverServed) {
  FileCache cache({dir_});
  cache.put_avatar(test::make_avatar("a", 1, 10000));
  cache.put_identity(test::make_identity("b", 1));
  const fs::path avatar_file = files_ending(".avatar").at(0);
  const fs::path identity_file = files_ending(".identity").at(0);
  fs::resize_file(avatar_file, fs::file_size(avatar_file) - 1);
  std::ofstream(identity_file, std::ios::trunc) << "not an entry";

  test::WarningCounter warnings;
  EXPECT_FALSE(cache.get_avatar("a"));
  EXPECT_TRUE(cache.list_identities().empty());
  EXPECT_FALSE(cache.get_identity("b"));
  EXPECT_EQ(warnings.count(), 2u);
  EXPECT_FALSE(fs::exists(avatar_file));
  EXPECT_FALSE(fs::exists(identity_file));
}

TEST_F(FileCacheTest, AnEntryUnderTheWrongNameIsNotServed) {
  FileCache cache({dir_});
  cache.put_avatar(test::make_avatar("a", 1, 100));
  cache.put_identity(test::make_identity("a", 1));
  fs::copy_file(files_ending(".identity").at(0), files_ending(".avatar").at(0),
                fs::copy_options::overwrite_existing);
  EXPECT_FALSE(cache.get_avatar("a"));
}

TEST_F(FileCacheTest, CleanupEvictsLeastRecentlyUsedToFitTheSizeLimit) {
  FileCache cache({dir_, {.max_total_bytes = 350'000}});
  for (int i = 0; i < 5; ++i) cache.put_avatar(test::make_avatar(test::key("k", i), 0, 100'000));
  auto avatar_files = files_ending(".avatar");
  std::sort(avatar_files.begin(), avatar_files.end());  // hex names: k0 < k1 < ... < k4
  for (int i = 0; i < 5; ++i) set_age(avatar_files[i], std::chrono::seconds(100 - i));
  ASSERT_TRUE(cache.get_avatar("k0"));  // oldest, but used now

  EXPECT_EQ(cache.cleanup(), 2u);
  EXPECT_TRUE(cache.get_avatar("k0"));
  EXPECT_FALSE(cache.get_avatar("k1"));
  EXPECT_FALSE(cache.get_avatar("k2"));
  EXPECT_TRUE(cache.get_avatar("k3"));
  EXPECT_TRUE(cache.get_avatar("k4"));
}

TEST_F(FileCacheTest, CleanupDropsEntriesUnusedLongerThanTheTtl) {
  FileCache cache({dir_, {.max_age_ms = 3600'000}});
  cache.put_identity(test::make_identity("old", 1));
  cache.put_identity(test::make_identity("fresh", 1));
  set_age(files_ending(".identity").at(0), 2h);
  set_age(files_ending(".identity").at(1), 2h);
  ASSERT_TRUE(cache.get_identity("fresh"));
  EXPECT_EQ(cache.cleanup(), 1u);
  EXPECT_FALSE(cache.get_identity("old"));
  EXPECT_TRUE(cache.get_identity("fresh"));
}

TEST_F(FileCacheTest, ListingTheGalleryDoesNotCountAsUse) {
  FileCache cache({dir_, {.max_age_ms = 3600'000}});
  cache.put_identity(test::make_identity("a", 1));
  set_age(files_ending(".identity").at(0), 2h);
  EXPECT_EQ(cache.list_identities().size(), 1u);
  EXPECT_EQ(cache.cleanup(), 1u);
}

TEST_F(FileCacheTest, CleanupRemovesTempFilesOfDeadWritersOnly) {
  FileCache cache({dir_});
  const fs::path dead = dir_ / ".tmp.99999999.0.6b.avatar";
  const fs::path alive = dir_ / (".tmp." + std::to_string(::getpid()) + ".0.6b.avatar");
  std::ofstream(dead) << "partial";
  std::ofstream(alive) << "being written";
  EXPECT_EQ(cache.cleanup(), 1u);
  EXPECT_FALSE(fs::exists(dead));
  EXPECT_TRUE(fs::exists(alive));
}

TEST_F(FileCacheTest, AnyIdIsAllowedAndStaysInsideTheFolder) {
  FileCache cache({dir_});
  for (const std::string& id :
       std::vector<std::string>{"../../etc/passwd", "a/b", ".", "ü ñ", std::string(100, 'x')}) {
    cache.put_identity(test::make_identity(id, 1));
    EXPECT_EQ(cache.get_identity(id), test::make_identity(id, 1)) << id;
  }
  EXPECT_EQ(cache.list_identities().size(), 5u);
  EXPECT_THROW(cache.put_identity(test::make_identity("", 1)), CacheError);
  EXPECT_THROW(cache.get_identity(std::string(101, 'x')), CacheError);
}

}  // namespace
}  // namespace am

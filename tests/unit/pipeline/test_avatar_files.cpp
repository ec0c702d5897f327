// Avatar files for clients: written atomically, and old ones removed unless their person is on
// screen.
#include <chrono>
#include <fstream>

#include <gtest/gtest.h>

#include "jobs/avatar_files.hpp"
#include "support/testdata.hpp"

namespace am {
namespace {

namespace fs = std::filesystem;

class AvatarFilesTest : public ::testing::Test {
 protected:
  fs::path dir_ =
      test::scratch_dir(::testing::UnitTest::GetInstance()->current_test_info()->name());
  void TearDown() override { fs::remove_all(dir_); }

  fs::path file(const std::string& name, std::chrono::minutes age) {
    const auto path = dir_ / name;
    std::ofstream(path) << "glb";
    fs::last_write_time(path, fs::file_time_type::clock::now() - age);
    return path;
  }
};

TEST_F(AvatarFilesTest, WritesTheBytesUnderTheId) {
  const auto path = write_avatar_file(dir_, 7, "bytes");
  EXPECT_EQ(path, dir_ / "7.glb");
  std::ifstream in(path);
  std::string text;
  in >> text;
  EXPECT_EQ(text, "bytes");
  EXPECT_FALSE(fs::exists(dir_ / "7.glb.tmp"));
}

TEST_F(AvatarFilesTest, RemovesOldFilesOfPeopleNotOnScreenOnly) {
  const auto old_gone = file("1.glb", std::chrono::minutes(90));
  const auto old_on_screen = file("2.glb", std::chrono::minutes(90));
  const auto recent = file("3.glb", std::chrono::minutes(5));
  const auto leftover = file("4.glb.tmp", std::chrono::minutes(90));
  const auto other = file("notes.txt", std::chrono::minutes(90));
  EXPECT_EQ(remove_stale_avatar_files(dir_, {2}, std::chrono::hours(1)), 2u);
  EXPECT_FALSE(fs::exists(old_gone));
  EXPECT_FALSE(fs::exists(leftover));
  EXPECT_TRUE(fs::exists(old_on_screen));
  EXPECT_TRUE(fs::exists(recent));
  EXPECT_TRUE(fs::exists(other));
}

TEST_F(AvatarFilesTest, AMissingFolderRemovesNothing) {
  EXPECT_EQ(remove_stale_avatar_files(dir_ / "none", {}, std::chrono::hours(1)), 0u);
}

}  // namespace
}  // namespace am

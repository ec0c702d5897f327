#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "io/frame_source.hpp"
#include "support/testdata.hpp"
#include "test_media.hpp"

namespace am {
namespace {

namespace fs = std::filesystem;

// The message of the SourceError that opening `spec` throws; fails the test when none is thrown.
std::string open_error(const std::string& spec) {
  try {
    open_source(spec, CameraRequest{}, Pacing::AsFastAsPossible);
  } catch (const SourceError& error) {
    return error.what();
  }
  ADD_FAILURE() << "opening " << spec << " did not throw SourceError";
  return {};
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

class SourceErrorTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = test::scratch_dir("io_errors"); }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(SourceErrorTest, MissingPathSaysItDoesNotExist) {
  std::string path = (dir_ / "nowhere" / "clip.mp4").string();
  std::string message = open_error(path);
  EXPECT_TRUE(contains(message, path)) << message;
  EXPECT_TRUE(contains(message, "does not exist")) << message;
}

TEST_F(SourceErrorTest, RandomBytesNamedMp4IsNotADecodableVideo) {
  fs::path path = dir_ / "noise.mp4";
  test::write_random_bytes(path, 64 * 1024);
  std::string message = open_error(path.string());
  EXPECT_TRUE(contains(message, path.string())) << message;
  EXPECT_TRUE(contains(message, "video")) << message;
}

TEST_F(SourceErrorTest, RandomBytesNamedPngIsNotADecodableImage) {
  fs::path path = dir_ / "noise.png";
  test::write_random_bytes(path, 4096);
  std::string message = open_error(path.string());
  EXPECT_TRUE(contains(message, path.string())) << message;
  EXPECT_TRUE(contains(message, "image")) << message;
}

TEST_F(SourceErrorTest, EmptyFolderHasNoImages) {
  std::string message = open_error(dir_.string());
  EXPECT_TRUE(contains(message, dir_.string())) << message;
  EXPECT_TRUE(contains(message, "no images")) << message;
}

TEST_F(SourceErrorTest, FolderOfOtherFilesHasNoImages) {
  std::ofstream(dir_ / "readme.txt") << "text";
  std::ofstream(dir_ / "clip.mp4") << "not really";
  EXPECT_TRUE(contains(open_error(dir_.string()), "no images"));
}

TEST_F(SourceErrorTest, FolderWhoseImagesAllFailToDecodeNamesIt) {
  test::write_random_bytes(dir_ / "a.jpg", 1000);
  std::string message = open_error(dir_.string());
  EXPECT_TRUE(contains(message, dir_.string())) << message;
}

TEST_F(SourceErrorTest, UnreadableFileSaysPermissionDenied) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads every file";
  fs::path path = dir_ / "locked.avi";
  test::write_numbered_video(path, 2, 25);
  fs::permissions(path, fs::perms::none);
  std::string message = open_error(path.string());
  EXPECT_TRUE(contains(message, path.string())) << message;
  EXPECT_TRUE(contains(message, "permission")) << message;
}

TEST(CameraErrors, AbsentCameraIndexListsTheCamerasThatExist) {
  std::vector<CameraDevice> cameras = list_cameras();
  for (const char* spec : {"camera:57", "57", "/dev/video57"}) {
    std::string message = open_error(spec);
    EXPECT_TRUE(contains(message, "/dev/video57")) << message;
    if (cameras.empty()) {
      EXPECT_TRUE(contains(message, "no cameras")) << message;
      EXPECT_TRUE(contains(message, "--source")) << message;
    } else {
      EXPECT_TRUE(contains(message, cameras.front().path)) << message;
    }
  }
}

TEST(CameraList, ListsOnlyExistingVideoNodes) {
  for (const CameraDevice& camera : list_cameras()) {
    EXPECT_TRUE(camera.path.starts_with("/dev/video")) << camera.path;
    EXPECT_TRUE(fs::exists(camera.path)) << camera.path;
  }
}

}  // namespace
}  // namespace am

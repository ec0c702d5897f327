// The avatar build job on its own, with the real models and a real file cache: the .glb is written
// where clients download it, the cache holds the same bytes with the bind pose the pose stream
// rotates against, and a photo without a person leaves nothing behind.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include <opencv2/imgcodecs.hpp>

#include "avatar/image_aligned_pose.hpp"
#include "cache/file_cache.hpp"
#include "jobs/avatar_files.hpp"
#include "jobs/build_job.hpp"
#include "perception/pose/pose_tracker.hpp"
#include "support/models_dir.hpp"
#include "support/testdata.hpp"

namespace am {
namespace {

class BuildJobTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("am_build_job_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
    std::filesystem::remove_all(dir_);
    cache_ = std::make_unique<FileCache>(FileCacheOptions{dir_ / "cache"});
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  BuildTools tools() { return {segmenter_, *cache_, dir_ / "avatars", "no-swap"}; }

  std::filesystem::path dir_;
  std::unique_ptr<FileCache> cache_;
  Segmenter segmenter_{test::models_dir()};
};

TEST_F(BuildJobTest, WritesTheGlbAndCachesItWithItsBindPose) {
  const cv::Mat photo = cv::imread(test::testdata("full_body/pifuhd_test.png").string());
  ASSERT_FALSE(photo.empty());
  PoseTracker pose(test::models_dir());
  const auto persons = pose.process(photo, 0, false);
  ASSERT_FALSE(persons.empty());
  std::filesystem::create_directories(dir_ / "avatars");
  const ReadyAvatar ready = run_build_job({7, photo, persons.front()}, tools());

  EXPECT_EQ(ready.person_id, 7);
  EXPECT_GT(ready.vertices, 1000);
  std::ifstream file(ready.glb_path, std::ios::binary);
  const std::string written{std::istreambuf_iterator<char>(file), {}};
  ASSERT_GT(written.size(), 1000u);
  EXPECT_EQ(written.substr(0, 4), "glTF");
  const auto cached = cache_->get_avatar("7");
  ASSERT_TRUE(cached.has_value());
  EXPECT_EQ(cached->glb, written);
  EXPECT_EQ(face_from_metadata(cached->metadata_json), "no-swap");
  const auto bind = bind_world_from_metadata(cached->metadata_json);
  ASSERT_TRUE(bind.has_value());
  EXPECT_LT(((*bind)[lm::kLeftWrist] - ready.bind_world[lm::kLeftWrist]).norm(), 1e-6);
  // The bind pose is the person's world landmarks turned onto the photo's (image_aligned_pose).
  const PoseLandmarks aligned =
      avatar::align_world_to_image(persons.front().landmarks, persons.front().world_landmarks);
  EXPECT_NEAR((*bind)[lm::kLeftWrist].x(), aligned[lm::kLeftWrist].x, 1e-4);
}

TEST_F(BuildJobTest, APhotoWithoutAPersonThrowsAndCachesNothing) {
  const cv::Mat empty_room(480, 640, CV_8UC3, cv::Scalar(90, 120, 150));
  std::filesystem::create_directories(dir_ / "avatars");
  EXPECT_THROW(run_build_job({8, empty_room, PoseObservation{}}, tools()), std::exception);
  EXPECT_FALSE(cache_->get_avatar("8").has_value());
  EXPECT_TRUE(std::filesystem::is_empty(dir_ / "avatars"));
}

}  // namespace
}  // namespace am

// The avatar build job on its own, with the real models and a real file cache: the .glb is written
// where clients download it, the cache holds the same bytes with the bind pose the pose stream
// rotates against, and a photo without a person leaves nothing behind. With a face map
// (AvatarFaces), each person's avatar wears the photo their id maps to, and carries its face tag.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include <opencv2/imgcodecs.hpp>

#include "avatar/image_aligned_pose.hpp"
#include "cache/file_cache.hpp"
#include "jobs/avatar_faces.hpp"
#include "jobs/avatar_files.hpp"
#include "jobs/build_job.hpp"
#include "perception/pose/pose_tracker.hpp"
#include "support/faces.hpp"
#include "support/glb_texture.hpp"
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

  BuildTools tools() { return {segmenter_, *cache_, dir_ / "avatars"}; }

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
  const ReadyAvatar ready =
      run_build_job({7, photo, persons.front(), "no-swap", std::nullopt}, tools());

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
  EXPECT_THROW(run_build_job({8, empty_room, PoseObservation{}, "", std::nullopt}, tools()),
               std::exception);
  EXPECT_FALSE(cache_->get_avatar("8").has_value());
  EXPECT_TRUE(std::filesystem::is_empty(dir_ / "avatars"));
}

// A visitor (sith_002) built as person 1, mapped to fr_biden, and as person 2, who gets the photo
// for everyone else, fr_obama: each avatar's texture shows the face of its own photo (fr_feature
// embedding closer to it than to the other photo) and is cached with that photo's face tag.
class AvatarFacesTest : public BuildJobTest {
 protected:
  void SetUp() override {
    BuildJobTest::SetUp();
    std::filesystem::create_directories(dir_ / "avatars");
  }

  static const BuildJob& visitor() {
    static const BuildJob job = [] {
      BuildJob j;
      j.image = cv::imread(test::testdata("full_body/sith_002.png").string());
      j.person = PoseTracker(test::models_dir()).process(j.image, 0, false).at(0);
      return j;
    }();
    return job;
  }

  static BuildJob visitor_as(int person) {
    BuildJob job = visitor();
    job.person_id = person;
    return job;
  }

  FaceEmbedding face_of(const std::string& name) const {
    return test::largest_face_embedding(detector_, embedder_, test::load_face_photo(name));
  }

  // The avatar built for `person`, checked to carry `photo`'s face tag; its texture's face.
  FaceEmbedding avatar_face(AvatarFaces& faces, int person, const std::string& photo) {
    const BuildJob job = faces.dressed(visitor_as(person));
    EXPECT_EQ(job.face_tag, avatar_face_tag(test::testdata("faces/" + photo), options_.paste));
    const ReadyAvatar built = run_build_job(job, tools());
    EXPECT_EQ(face_from_metadata(cache_->get_avatar(std::to_string(person))->metadata_json),
              job.face_tag);
    const cv::Mat texture = test::glb_texture(built.glb_path);
    return texture.empty() ? FaceEmbedding{}
                           : test::largest_face_embedding(detector_, embedder_, texture);
  }

  FaceSwapOptions options_;
  FaceDetector detector_{test::models_dir()};
  FaceEmbedder embedder_{test::models_dir() / kFaceFeatureModelFile};
};

TEST_F(AvatarFacesTest, EachPersonsAvatarWearsThePhotoTheFaceMapGivesThem) {
  const std::string biden = test::testdata("faces/fr_biden.jpg").string();
  const std::string obama = test::testdata("faces/fr_obama.jpg").string();
  AvatarFaces faces(test::models_dir(), parse_face_map("1=" + biden + ",*=" + obama), options_);
  EXPECT_EQ(faces.photo(1), biden);
  EXPECT_EQ(faces.photo(2), obama);
  EXPECT_NE(faces.tag(1), faces.tag(2));

  const FaceEmbedding biden_face = face_of("fr_biden.jpg");
  const FaceEmbedding obama_face = face_of("fr_obama.jpg");
  const FaceEmbedding one = avatar_face(faces, 1, "fr_biden.jpg");
  const FaceEmbedding two = avatar_face(faces, 2, "fr_obama.jpg");
  ASSERT_FALSE(one.empty()) << "no face on person 1's texture";
  ASSERT_FALSE(two.empty()) << "no face on person 2's texture";
  std::cout << "person 1: cos to biden " << cosine_similarity(one, biden_face) << ", to obama "
            << cosine_similarity(one, obama_face) << "; person 2: cos to obama "
            << cosine_similarity(two, obama_face) << ", to biden "
            << cosine_similarity(two, biden_face) << "\n";
  EXPECT_GT(cosine_similarity(one, biden_face), cosine_similarity(one, obama_face));
  EXPECT_GT(cosine_similarity(two, obama_face), cosine_similarity(two, biden_face));
}

TEST_F(AvatarFacesTest, APersonTheMapGivesNoPhotoKeepsTheirOwnFace) {
  const std::string biden = test::testdata("faces/fr_biden.jpg").string();
  AvatarFaces faces(test::models_dir(), parse_face_map("1=" + biden), options_);
  const BuildJob job = faces.dressed(visitor_as(2));
  EXPECT_EQ(job.face_tag, "");
  EXPECT_EQ(cv::norm(job.image, visitor().image, cv::NORM_INF), 0.0) << "the photo is untouched";
  EXPECT_GT(cv::norm(faces.dressed(visitor_as(1)).image, visitor().image, cv::NORM_INF), 0.0);
}

TEST_F(AvatarFacesTest, APhotoWithoutAFaceStopsItAtOnce) {
  const auto blank = dir_ / "blank.png";
  cv::imwrite(blank.string(), cv::Mat(200, 200, CV_8UC3, cv::Scalar(128, 128, 128)));
  EXPECT_THROW(AvatarFaces(test::models_dir(), parse_face_map("3=" + blank.string()), options_),
               SourceError);
}

}  // namespace
}  // namespace am

// `avatar --swap-face FACE`: the avatar's texture (written as PNG next to --obj) carries the
// source face's identity: its face embedding (fr_feature) is closer to the source photo than to
// the texture built without swapping, while the texture without swapping is the visitor's own.
#include <string>

#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>

#include "perception/face_detector.hpp"
#include "perception/face_embedder.hpp"
#include "support/models_dir.hpp"
#include "support/process.hpp"
#include "support/testdata.hpp"

namespace am {
namespace {

class AvatarSwapTest : public ::testing::Test {
 protected:
  std::filesystem::path dir_ =
      test::scratch_dir(::testing::UnitTest::GetInstance()->current_test_info()->name());
  FaceDetector detector_{test::models_dir()};
  FaceEmbedder embedder_{test::models_dir() / kFaceFeatureModelFile};

  void TearDown() override { std::filesystem::remove_all(dir_); }

  // Builds the avatar of `photo` with extra arguments; gives its texture.
  cv::Mat avatar_texture(const std::string& photo, const std::string& name,
                         const std::string& args) {
    const auto obj = dir_ / (name + ".obj");
    const auto r = test::run_command(
        test::avatar_mirror(dir_) + " avatar " + test::testdata(photo).string() + " --out " +
        (dir_ / (name + ".glb")).string() + " --obj " + obj.string() + " " + args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return cv::imread((dir_ / (name + ".png")).string(), cv::IMREAD_COLOR);
  }

  // The embedding of the largest face in the image (empty when there is none).
  FaceEmbedding largest_face(const cv::Mat& image) {
    const auto faces = detector_.detect(image);
    if (faces.empty()) return {};
    const auto largest =
        std::max_element(faces.begin(), faces.end(),
                         [](const auto& a, const auto& b) { return a.box.area() < b.box.area(); });
    return embedder_.embed(image, largest->keypoints);
  }
};

TEST_F(AvatarSwapTest, TheAvatarTextureCarriesTheSourceFace) {
  const std::string source = "faces/fr_obama.jpg";
  const cv::Mat plain = avatar_texture("full_body/sith_002.png", "plain", "");
  const cv::Mat swapped = avatar_texture("full_body/sith_002.png", "swapped",
                                         "--swap-face " + test::testdata(source).string());
  ASSERT_FALSE(plain.empty());
  ASSERT_FALSE(swapped.empty());
  const FaceEmbedding obama = largest_face(cv::imread(test::testdata(source).string()));
  const FaceEmbedding own = largest_face(plain);
  const FaceEmbedding result = largest_face(swapped);
  ASSERT_FALSE(own.empty()) << "no face on the plain avatar's texture";
  ASSERT_FALSE(result.empty()) << "no face on the swapped avatar's texture";
  const float to_source = cosine_similarity(result, obama);
  const float to_own = cosine_similarity(result, own);
  std::cout << "swapped texture: cos to source " << to_source << ", to own face " << to_own
            << "; plain texture to source " << cosine_similarity(own, obama) << "\n";
  EXPECT_GT(to_source, to_own);
  EXPECT_GT(to_source, cosine_similarity(own, obama) + 0.1f);
}

}  // namespace
}  // namespace am

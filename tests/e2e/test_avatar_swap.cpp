// Face swap on the avatar's texture, end to end: `avatar --swap-face FACE` (texture written as PNG
// next to --obj) and `run --swap-face FACE` (texture inside the .glb it builds) both give an avatar
// whose face carries the source's identity: its fr_feature embedding is closer to the source photo
// than to the visitor's own face, and much closer to the source than the visitor's face is.
#include <string>

#include <gtest/gtest.h>
#include <tiny_gltf.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "perception/face_detector.hpp"
#include "perception/face_embedder.hpp"
#include "support/models_dir.hpp"
#include "support/process.hpp"
#include "support/testdata.hpp"

namespace am {
namespace {

const char* const kVisitor = "full_body/sith_002.png";
const char* const kSource = "faces/fr_obama.jpg";

// The base colour texture of the first image in a .glb, as BGR.
cv::Mat glb_texture(const std::filesystem::path& glb) {
  tinygltf::Model model;
  tinygltf::TinyGLTF loader;
  std::string err, warn;
  if (!loader.LoadBinaryFromFile(&model, &err, &warn, glb.string()) || model.images.empty())
    return {};
  const tinygltf::Image& image = model.images.front();
  const cv::Mat pixels(image.height, image.width, CV_8UC(image.component),
                       const_cast<unsigned char*>(image.image.data()));
  cv::Mat bgr;
  cv::cvtColor(pixels, bgr, image.component == 4 ? cv::COLOR_RGBA2BGR : cv::COLOR_RGB2BGR);
  return bgr;
}

class AvatarSwapTest : public ::testing::Test {
 protected:
  std::filesystem::path dir_ =
      test::scratch_dir(::testing::UnitTest::GetInstance()->current_test_info()->name());
  FaceDetector detector_{test::models_dir()};
  FaceEmbedder embedder_{test::models_dir() / kFaceFeatureModelFile};

  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string command(const std::string& args) const {
    return test::avatar_mirror(dir_) + " " + args + " --swap-face " +
           test::testdata(kSource).string();
  }

  // The embedding of the largest face in the image (empty when there is none).
  FaceEmbedding largest_face(const cv::Mat& image) const {
    const auto faces = detector_.detect(image);
    if (faces.empty()) return {};
    const auto largest =
        std::max_element(faces.begin(), faces.end(),
                         [](const auto& a, const auto& b) { return a.box.area() < b.box.area(); });
    return embedder_.embed(image, largest->keypoints);
  }

  void expect_source_identity(const cv::Mat& texture) const {
    ASSERT_FALSE(texture.empty()) << "no avatar texture";
    const FaceEmbedding source = largest_face(cv::imread(test::testdata(kSource).string()));
    const FaceEmbedding own = largest_face(cv::imread(test::testdata(kVisitor).string()));
    const FaceEmbedding result = largest_face(texture);
    ASSERT_FALSE(result.empty()) << "no face on the avatar's texture";
    const float to_source = cosine_similarity(result, source);
    const float to_own = cosine_similarity(result, own);
    std::cout << "avatar texture: cos to source " << to_source << ", to the visitor " << to_own
              << "; visitor to source " << cosine_similarity(own, source) << "\n";
    EXPECT_GT(to_source, to_own);
    EXPECT_GT(to_source, cosine_similarity(own, source) + 0.1f);
  }
};

TEST_F(AvatarSwapTest, AvatarCommandSwapsTheFaceOnTheTexture) {
  const auto obj = dir_ / "avatar.obj";
  const auto r =
      test::run_command(command("avatar " + test::testdata(kVisitor).string() + " --out " +
                                (dir_ / "avatar.glb").string() + " --obj " + obj.string()));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  expect_source_identity(cv::imread((dir_ / "avatar.png").string()));
}

// The visitor's photo played as a 30-frame stream: the avatar `run` builds and caches has the
// swapped face.
TEST_F(AvatarSwapTest, RunSwapsTheFaceOnTheAvatarItBuilds) {
  const auto r = test::run_command(
      command("run --loop --max-frames 30 --source " + test::testdata(kVisitor).string()));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::filesystem::path> avatars;
  for (const auto& entry : std::filesystem::directory_iterator(dir_ / "cache" / "avatars"))
    if (entry.path().extension() == ".glb") avatars.push_back(entry.path());
  ASSERT_EQ(avatars.size(), 1u) << r.err;
  expect_source_identity(glb_texture(avatars.front()));
}

}  // namespace
}  // namespace am

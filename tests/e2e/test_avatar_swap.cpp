// Face swap on the avatar's texture, end to end: `avatar --swap-face FACE` (texture written as PNG
// next to --obj) and `run --swap-face FACE` (texture inside the .glb it builds) both give an avatar
// whose face carries the source's identity: its fr_feature embedding is closer to the source photo
// than to the visitor's own face, and much closer to the source than the visitor's face is. A
// cached avatar is only reused under the face swap setting it was built with. `run` with only
// face_swap.face_map (no source_image) starts, and the avatar wears the photo the map gives the
// visitor's tracked id; a changed photo for that id rebuilds it, the same photo reuses it.
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "perception/face/face_detector.hpp"
#include "perception/face/face_embedder.hpp"
#include "support/faces.hpp"
#include "support/glb_texture.hpp"
#include "support/models_dir.hpp"
#include "support/process.hpp"
#include "support/testdata.hpp"

namespace am {
namespace {

const char* const kVisitor = "full_body/sith_002.png";
const char* const kSource = "faces/fr_obama.jpg";

using test::glb_texture;

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

  FaceEmbedding largest_face(const cv::Mat& image) const {
    return test::largest_face_embedding(detector_, embedder_, image);
  }

  // How much the face on an avatar's texture looks like the source and like the visitor.
  struct Likeness {
    float to_source = 0;
    float to_visitor = 0;
  };
  Likeness likeness(const cv::Mat& texture) const {
    const FaceEmbedding result = texture.empty() ? FaceEmbedding{} : largest_face(texture);
    if (result.empty()) {
      ADD_FAILURE() << "no face on the avatar's texture";
      return {};
    }
    const Likeness l{cosine_similarity(result, source_), cosine_similarity(result, visitor_)};
    std::cout << "avatar texture: cos to source " << l.to_source << ", to the visitor "
              << l.to_visitor << "; visitor to source " << cosine_similarity(visitor_, source_)
              << "\n";
    return l;
  }

  void expect_source_identity(const cv::Mat& texture) const {
    const Likeness l = likeness(texture);
    EXPECT_GT(l.to_source, l.to_visitor);
    EXPECT_GT(l.to_source, cosine_similarity(visitor_, source_) + 0.1f);
  }

  std::vector<std::filesystem::path> cached_avatars() const {
    std::vector<std::filesystem::path> glbs;
    for (const auto& entry : std::filesystem::directory_iterator(dir_ / "cache" / "avatars"))
      if (entry.path().extension() == ".glb") glbs.push_back(entry.path());
    return glbs;
  }

  FaceEmbedding source_ = largest_face(cv::imread(test::testdata(kSource).string()));
  FaceEmbedding visitor_ = largest_face(cv::imread(test::testdata(kVisitor).string()));
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
// swapped face. The same visitor coming back once face swapping is off is recognised, and the
// cached swapped avatar is not reused: a new one with their own face replaces it.
TEST_F(AvatarSwapTest, RunSwapsTheFaceOnTheAvatarItBuildsAndRebuildsItWhenSwappingStops) {
  const std::string visit =
      "run --loop --max-frames 30 --source " + test::testdata(kVisitor).string();
  const auto swapped = test::run_command(command(visit));
  ASSERT_EQ(swapped.exit_code, 0) << swapped.err;
  ASSERT_EQ(cached_avatars().size(), 1u) << swapped.err;
  expect_source_identity(glb_texture(cached_avatars().front()));

  const auto own = test::run_command(test::avatar_mirror(dir_) + " " + visit);
  ASSERT_EQ(own.exit_code, 0) << own.err;
  EXPECT_NE(own.err.find("came back"), std::string::npos) << own.err;
  EXPECT_NE(own.err.find("wears another face"), std::string::npos) << own.err;
  ASSERT_EQ(cached_avatars().size(), 1u) << own.err;
  const Likeness l = likeness(glb_texture(cached_avatars().front()));
  EXPECT_GT(l.to_visitor, l.to_source);
}

// The visitor is tracked as person 1 (ids start at 1). The face map is their only photo.
TEST_F(AvatarSwapTest, RunGivesTheAvatarThePhotoTheFaceMapGivesThePersonWithNoSourceImage) {
  const std::string biden = test::testdata("faces/fr_biden.jpg").string();
  const FaceEmbedding biden_face = largest_face(cv::imread(biden));
  const auto visit = [this](const std::string& photo) {
    return test::run_command("FACE_SWAP_ENABLED=true FACE_SWAP_FACE_MAP=1=" + photo + " " +
                             test::avatar_mirror(dir_) + " run --loop --max-frames 30 --source " +
                             test::testdata(kVisitor).string());
  };
  // How much the face on the one cached avatar looks like biden and like obama (source_).
  const auto biden_vs_obama = [&] {
    const cv::Mat texture = glb_texture(cached_avatars().at(0));
    const FaceEmbedding face = texture.empty() ? FaceEmbedding{} : largest_face(texture);
    if (face.empty()) ADD_FAILURE() << "no face on the avatar's texture";
    const float margin = cosine_similarity(face, biden_face) - cosine_similarity(face, source_);
    std::cout << "avatar texture: cos to biden minus cos to obama " << margin << "\n";
    return face.empty() ? 0.0f : margin;
  };

  const auto first = visit(biden);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  ASSERT_EQ(cached_avatars().size(), 1u) << first.err;
  EXPECT_GT(biden_vs_obama(), 0.0f);

  const auto changed = visit(test::testdata(kSource).string());
  ASSERT_EQ(changed.exit_code, 0) << changed.err;
  EXPECT_NE(changed.err.find("came back"), std::string::npos) << changed.err;
  EXPECT_NE(changed.err.find("wears another face"), std::string::npos) << changed.err;
  ASSERT_EQ(cached_avatars().size(), 1u) << changed.err;
  EXPECT_LT(biden_vs_obama(), 0.0f);

  const auto same = visit(test::testdata(kSource).string());
  ASSERT_EQ(same.exit_code, 0) << same.err;
  EXPECT_NE(same.err.find("came back"), std::string::npos) << same.err;
  EXPECT_EQ(same.err.find("wears another face"), std::string::npos) << same.err;
  EXPECT_EQ(same.err.find("avatar of person 1 built"), std::string::npos) << "reused, not rebuilt";
}

}  // namespace
}  // namespace am

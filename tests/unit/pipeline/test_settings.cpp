// avatar_face_tag(): which face an avatar wearing a photo wears, so a cached avatar is reused only
// under the same photo and face swap setting; swap_face_map(): the photos face swapping needs,
// checked at start-up; make_cache(): the backend the config asks for.
#include <fstream>
#include <optional>
#include <string>

#include <gtest/gtest.h>

#include "cache/file_cache.hpp"
#include "core/config.hpp"
#include "core/error.hpp"
#include "jobs/avatar_faces.hpp"
#include "pipeline/pipeline_settings.hpp"
#include "support/testdata.hpp"

namespace am {
namespace {

Config default_config() {
  ConfigSources sources;
  sources.implicit_file = "/nonexistent/config.json";
  sources.env = [](const std::string&) -> std::optional<std::string> { return std::nullopt; };
  return load_config(sources);
}

class FaceTagTest : public ::testing::Test {
 protected:
  std::filesystem::path dir_ =
      test::scratch_dir(::testing::UnitTest::GetInstance()->current_test_info()->name());
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string write(const std::string& name, const std::string& bytes) {
    std::ofstream(dir_ / name, std::ios::binary) << bytes;
    return (dir_ / name).string();
  }

  static Config swapping(const std::string& photo, const std::string& face_map = "") {
    Config cfg = default_config();
    cfg.set("face_swap.enabled", true, "test");
    cfg.set("face_swap.source_image", photo, "test");
    cfg.set("face_swap.face_map", face_map, "test");
    return cfg;
  }

  // The SourceError swap_face_map() throws for cfg ("" when none).
  static std::string refusal(const Config& cfg) {
    try {
      swap_face_map(cfg);
    } catch (const SourceError& e) {
      return e.what();
    }
    return "";
  }
};

TEST_F(FaceTagTest, OwnFaceIsEmpty) { EXPECT_EQ(avatar_face_tag("", PasteOptions{}), ""); }

TEST_F(FaceTagTest, FollowsThePhotosContentAndTheSwapSettingsNotItsPath) {
  const std::string a = write("a.jpg", "first photo");
  const std::string a_copy = write("copy.jpg", "first photo");
  const std::string b = write("b.jpg", "second photo");
  const PasteOptions paste = face_swap_options(swapping(a)).paste;
  const std::string tag = avatar_face_tag(a, paste);
  EXPECT_NE(tag, "");
  EXPECT_EQ(avatar_face_tag(a_copy, paste), tag);
  EXPECT_NE(avatar_face_tag(b, paste), tag);
  PasteOptions mouth = paste;
  mouth.keep_mouth = !mouth.keep_mouth;
  EXPECT_NE(avatar_face_tag(a, mouth), tag);
  PasteOptions seamless = paste;
  seamless.blend = BlendMode::Seamless;
  EXPECT_NE(avatar_face_tag(a, seamless), tag);
}

// Avatars cached before the face map reached them carry tags of this form: still theirs.
TEST_F(FaceTagTest, KeepsTheFormOfTagsAlreadyCached) {
  const std::string a = write("a.jpg", "first photo");
  const std::string tag = avatar_face_tag(a, face_swap_options(swapping(a)).paste);
  EXPECT_EQ(tag.rfind("swap crc32=", 0), 0u) << tag;
  EXPECT_TRUE(tag.ends_with(" blend=feathered keep_mouth=true keep_eyes=false")) << tag;
}

TEST_F(FaceTagTest, AnUnreadablePhotoIsNamed) {
  try {
    avatar_face_tag(dir_ / "missing.jpg", PasteOptions{});
    FAIL() << "no error for a missing photo";
  } catch (const SourceError& e) {
    EXPECT_NE(std::string(e.what()).find("missing.jpg"), std::string::npos) << e.what();
  }
}

TEST_F(FaceTagTest, TheFaceMapAloneNamesThePhotosToSwap) {
  EXPECT_FALSE(swap_face_map(default_config()).has_value()) << "face swapping off";
  const std::string b = write("b.jpg", "second photo");
  const std::optional<FaceMap> map = swap_face_map(swapping("", "1=" + b));
  ASSERT_TRUE(map.has_value());
  EXPECT_EQ(map->photo_for(1), b);
  EXPECT_TRUE(map->photo_for(2).empty()) << "no photo for the rest: their own face";
}

TEST_F(FaceTagTest, AMissingPhotoIsRefusedNamingTheKeyThatGaveIt) {
  const std::string a = write("a.jpg", "first photo");
  const std::string missing = (dir_ / "missing.jpg").string();
  const std::string from_map = refusal(swapping(a, "1=" + missing));
  EXPECT_NE(from_map.find("face_swap.face_map"), std::string::npos) << from_map;
  EXPECT_NE(from_map.find("missing.jpg"), std::string::npos) << from_map;
  EXPECT_NE(refusal(swapping(a, "*=" + missing)).find("face_swap.face_map"), std::string::npos);
  const std::string from_source = refusal(swapping(missing, "1=" + a));
  EXPECT_NE(from_source.find("face_swap.source_image"), std::string::npos) << from_source;
  const std::string none = refusal(swapping(""));
  EXPECT_NE(none.find("face_swap.source_image nor face_swap.face_map"), std::string::npos) << none;
  EXPECT_EQ(refusal(swapping(a, "1=" + a)), "");
}

TEST(MakeCache, BuildsAFileCacheOnTheConfiguredFolderAndRefusesABadRedisUrl) {
  const auto dir = test::scratch_dir("make_cache");
  Config config = default_config();
  config.set("cache.cache_dir", (dir / "c").string(), "test");
  auto cache = make_cache(config);
  ASSERT_NE(dynamic_cast<FileCache*>(cache.get()), nullptr);
  cache->put_identity({"a", {{0.5f}}, 1, 1});
  EXPECT_TRUE(FileCache({dir / "c"}).get_identity("a").has_value());

  config.set("cache.use_redis", true, "test");
  config.set("cache.redis_url", "redis:/nohost", "test");
  EXPECT_THROW(make_cache(config), ConfigError);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace am

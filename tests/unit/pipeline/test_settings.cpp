// avatar_face_tag(): which face the avatars built under a config wear, so a cached avatar is
// reused only under the same face swap setting; make_cache(): the backend the config asks for.
#include <fstream>
#include <optional>
#include <string>

#include <gtest/gtest.h>

#include "cache/file_cache.hpp"
#include "core/config.hpp"
#include "core/error.hpp"
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

  static Config swapping(const std::string& photo) {
    Config cfg = default_config();
    cfg.set("face_swap.enabled", true, "test");
    cfg.set("face_swap.source_image", photo, "test");
    return cfg;
  }
};

TEST_F(FaceTagTest, OwnFaceIsEmpty) { EXPECT_EQ(avatar_face_tag(default_config()), ""); }

TEST_F(FaceTagTest, FollowsThePhotosContentAndTheSwapSettingsNotItsPath) {
  const std::string a = write("a.jpg", "first photo");
  const std::string a_copy = write("copy.jpg", "first photo");
  const std::string b = write("b.jpg", "second photo");
  const std::string tag = avatar_face_tag(swapping(a));
  EXPECT_NE(tag, "");
  EXPECT_EQ(avatar_face_tag(swapping(a_copy)), tag);
  EXPECT_NE(avatar_face_tag(swapping(b)), tag);
  Config mouth = swapping(a);
  mouth.set("face_swap.keep_mouth", !mouth.get_bool("face_swap.keep_mouth"), "test");
  EXPECT_NE(avatar_face_tag(mouth), tag);
  Config seamless = swapping(a);
  seamless.set("face_swap.blend", std::string("seamless"), "test");
  EXPECT_NE(avatar_face_tag(seamless), tag);
}

TEST_F(FaceTagTest, AnUnreadablePhotoIsNamed) {
  try {
    avatar_face_tag(swapping((dir_ / "missing.jpg").string()));
    FAIL() << "no error for a missing photo";
  } catch (const SourceError& e) {
    EXPECT_NE(std::string(e.what()).find("missing.jpg"), std::string::npos) << e.what();
  }
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

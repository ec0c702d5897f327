// face_swap_options(): the config's face_swap.device and processing.threads reach the models;
// face_swap.blend, .keep_mouth, .keep_eyes and .keep_closed_eyes reach the swapper.
// face_map_from(): the command line's map and source, else the config's.
#include <optional>
#include <string>

#include <gtest/gtest.h>

#include "core/config.hpp"
#include "core/error.hpp"
#include "pipeline/pipeline_settings.hpp"

namespace am {
namespace {

Config config_with(const std::string& device) {
  ConfigSources sources;
  sources.implicit_file = "/nonexistent/config.json";
  sources.env = [device](const std::string& name) -> std::optional<std::string> {
    if (name == "FACE_SWAP_DEVICE") return device;
    return std::nullopt;
  };
  return load_config(sources);
}

TEST(FaceSwapOptions, DeviceAndThreadsComeFromTheConfig) {
  Config cfg = config_with("cpu");
  cfg.set("processing.threads", 2, "command line");
  const FaceSwapOptions options = face_swap_options(cfg);
  EXPECT_EQ(options.session.device, Device::Cpu);
  EXPECT_EQ(options.session.threads, 2);
  EXPECT_EQ(face_swap_options(config_with("cuda")).session.device, Device::Cuda);
}

TEST(FaceSwapOptions, BlendingAndKeptFeaturesComeFromTheConfig) {
  Config cfg = config_with("cpu");
  const FaceSwapOptions defaults = face_swap_options(cfg);
  EXPECT_EQ(defaults.paste.blend, BlendMode::Feathered);
  EXPECT_TRUE(defaults.paste.keep_mouth);
  EXPECT_FALSE(defaults.paste.keep_eyes);
  EXPECT_TRUE(defaults.keep_closed_eyes);
  cfg.set("face_swap.blend", std::string("seamless"), "command line");
  cfg.set("face_swap.keep_closed_eyes", false, "command line");
  cfg.set("face_swap.keep_mouth", false, "command line");
  cfg.set("face_swap.keep_eyes", true, "command line");
  const FaceSwapOptions options = face_swap_options(cfg);
  EXPECT_EQ(options.paste.blend, BlendMode::Seamless);
  EXPECT_FALSE(options.paste.keep_mouth);
  EXPECT_TRUE(options.paste.keep_eyes);
  EXPECT_FALSE(options.keep_closed_eyes);
}

TEST(FaceSwapOptions, AnUnknownDeviceIsAConfigError) {
  EXPECT_THROW(config_with("tpu"), ConfigError);
}

TEST(FaceMap, TheConfigsSourceImageIsThePhotoForTheRest) {
  ConfigSources sources;
  sources.implicit_file = "/nonexistent/config.json";
  Config cfg = load_config(sources);
  cfg.set("face_swap.source_image", std::string("carol.jpg"), "command line");
  cfg.set("face_swap.face_map", std::string("0=alice.jpg"), "command line");
  FaceMap map = face_map_from(cfg);
  EXPECT_EQ(map.others, "carol.jpg");
  EXPECT_EQ(map.by_face.at(0), "alice.jpg");
  cfg.set("face_swap.face_map", std::string("0=alice.jpg,*=dave.jpg"), "command line");
  EXPECT_EQ(face_map_from(cfg).others, "dave.jpg");
  EXPECT_EQ(face_map_from(cfg, "", "erin.jpg").others, "erin.jpg");
  EXPECT_EQ(face_map_from(cfg, "1=bob.jpg").by_face.at(1), "bob.jpg");
}

}  // namespace
}  // namespace am

// face_swap_options(): the config's face_swap.device and processing.threads reach the models.
#include <optional>
#include <string>

#include <gtest/gtest.h>

#include "core/config.hpp"
#include "core/error.hpp"
#include "faceswap/face_swapper.hpp"

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

TEST(FaceSwapOptions, AnUnknownDeviceIsAConfigError) {
  EXPECT_THROW(config_with("tpu"), ConfigError);
}

}  // namespace
}  // namespace am

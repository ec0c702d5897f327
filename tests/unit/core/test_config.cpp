// Config: defaults, file, environment and command-line layers, and every error path.
#include <filesystem>
#include <fstream>
#include <map>

#include <gtest/gtest.h>

#include "core/config.hpp"
#include "core/error.hpp"

namespace am {
namespace {

namespace fs = std::filesystem;

class ConfigTest : public ::testing::Test {
 protected:
  fs::path dir_ =
      fs::temp_directory_path() /
      ("am_config_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
       ::testing::UnitTest::GetInstance()->current_test_info()->name());
  std::map<std::string, std::string> env_;

  void SetUp() override { fs::create_directories(dir_); }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path write(const std::string& name, const std::string& text) {
    const fs::path p = dir_ / name;
    std::ofstream(p) << text;
    return p;
  }
  ConfigSources sources(std::optional<fs::path> file = std::nullopt) {
    ConfigSources s;
    s.user_file = std::move(file);
    s.implicit_file = dir_ / "config.json";
    s.env = [this](const std::string& name) -> std::optional<std::string> {
      auto it = env_.find(name);
      return it == env_.end() ? std::nullopt : std::optional<std::string>(it->second);
    };
    return s;
  }
  // Loads and returns the error message, failing the test when loading succeeds.
  std::string error_of(const ConfigSources& s) {
    try {
      load_config(s);
    } catch (const ConfigError& e) {
      return e.what();
    }
    ADD_FAILURE() << "expected a ConfigError";
    return "";
  }
};

TEST_F(ConfigTest, DefaultsHoldExactlyTheSchemaKeys) {
  const Config cfg = load_config(sources());
  EXPECT_EQ(cfg.entries().size(), config_schema().size());
  EXPECT_EQ(cfg.get_int("websocket.port"), 8765);
  EXPECT_EQ(cfg.get_string("websocket.host"), "localhost");
  EXPECT_EQ(cfg.entry("camera.fps").origin, "default");
}

TEST_F(ConfigTest, OriginalKeysExist) {
  for (const char* key : {"camera.device_id", "camera.width", "camera.height", "camera.fps",
                          "websocket.host", "websocket.port", "cache.use_redis", "cache.cache_dir",
                          "face_swap.enabled", "face_swap.device"})
    EXPECT_NE(find_key(key), nullptr) << key;
}

TEST_F(ConfigTest, FileOverridesDefaultsAndRecordsOrigin) {
  const auto file = write("user.json", R"({"camera": {"fps": 15}, "cache": {"use_redis": true}})");
  const Config cfg = load_config(sources(file));
  EXPECT_EQ(cfg.get_int("camera.fps"), 15);
  EXPECT_TRUE(cfg.get_bool("cache.use_redis"));
  EXPECT_EQ(cfg.entry("camera.fps").origin, "file " + file.string());
  EXPECT_EQ(cfg.get_int("camera.width"), 1280);
}

TEST_F(ConfigTest, ImplicitConfigJsonIsReadWhenPresent) {
  write("config.json", R"({"websocket": {"port": 9000}})");
  EXPECT_EQ(load_config(sources()).get_int("websocket.port"), 9000);
}

TEST_F(ConfigTest, EnvironmentOverridesFile) {
  const auto file = write("user.json", R"({"websocket": {"port": 9000}})");
  env_ = {{"WEBSOCKET_PORT", "9100"}, {"USE_REDIS", "yes"},      {"LOG_LEVEL", "debug"},
          {"FACE_SWAP_ENABLED", "1"}, {"CAMERA_DEVICE_ID", "2"}, {"QUALITY_THRESHOLD", "0.25"}};
  const Config cfg = load_config(sources(file));
  EXPECT_EQ(cfg.get_int("websocket.port"), 9100);
  EXPECT_EQ(cfg.entry("websocket.port").origin, "env WEBSOCKET_PORT");
  EXPECT_TRUE(cfg.get_bool("cache.use_redis"));
  EXPECT_TRUE(cfg.get_bool("face_swap.enabled"));
  EXPECT_EQ(cfg.get_string("logging.level"), "debug");
  EXPECT_EQ(cfg.get_int("camera.device_id"), 2);
  EXPECT_DOUBLE_EQ(cfg.get_number("processing.quality_threshold"), 0.25);
}

TEST_F(ConfigTest, MissingExplicitFileIsAnError) {
  const std::string msg = error_of(sources(dir_ / "nope.json"));
  EXPECT_NE(msg.find("nope.json"), std::string::npos);
  EXPECT_NE(msg.find("does not exist"), std::string::npos);
}

TEST_F(ConfigTest, InvalidJsonNamesTheFile) {
  const std::string msg = error_of(sources(write("bad.json", "{\"camera\": {")));
  EXPECT_NE(msg.find("bad.json"), std::string::npos);
  EXPECT_NE(msg.find("not valid JSON"), std::string::npos);
}

TEST_F(ConfigTest, TopLevelMustBeAnObject) {
  EXPECT_NE(error_of(sources(write("arr.json", "[1, 2]"))).find("JSON object"), std::string::npos);
}

TEST_F(ConfigTest, UnknownSectionListsTheSections) {
  const std::string msg = error_of(sources(write("u.json", R"({"camra": {"fps": 30}})")));
  EXPECT_NE(msg.find("unknown key 'camra'"), std::string::npos) << msg;
  EXPECT_NE(msg.find("camera"), std::string::npos) << msg;
}

TEST_F(ConfigTest, UnknownKeyListsTheSectionKeys) {
  const std::string msg = error_of(sources(write("u.json", R"({"camera": {"fsp": 30}})")));
  EXPECT_NE(msg.find("unknown key 'camera.fsp'"), std::string::npos) << msg;
  EXPECT_NE(msg.find("device_id, width, height, fps"), std::string::npos) << msg;
}

TEST_F(ConfigTest, SectionMustBeAnObject) {
  const std::string msg = error_of(sources(write("s.json", R"({"camera": 3})")));
  EXPECT_NE(msg.find("'camera'"), std::string::npos) << msg;
  EXPECT_NE(msg.find("must be an object"), std::string::npos) << msg;
}

struct BadValue {
  const char* json;
  const char* key;
  const char* allowed;
};

class ConfigBadValueTest : public ConfigTest, public ::testing::WithParamInterface<BadValue> {};

TEST_P(ConfigBadValueTest, NamesKeyValueAndAllowed) {
  const auto& p = GetParam();
  const std::string msg = error_of(sources(write("v.json", p.json)));
  EXPECT_NE(msg.find(p.key), std::string::npos) << msg;
  EXPECT_NE(msg.find(p.allowed), std::string::npos) << msg;
  EXPECT_NE(msg.find("v.json"), std::string::npos) << msg;
  EXPECT_EQ(msg.find('\n'), std::string::npos) << "one line: " << msg;
}

INSTANTIATE_TEST_SUITE_P(
    Values, ConfigBadValueTest,
    ::testing::Values(
        BadValue{R"({"camera": {"fps": -3}})", "camera.fps = -3", "an integer in 1..240"},
        BadValue{R"({"camera": {"fps": 2.5}})", "camera.fps = 2.5", "an integer"},
        BadValue{R"({"camera": {"width": "wide"}})", "camera.width", "an integer in 160..7680"},
        BadValue{R"({"websocket": {"port": 70000}})", "websocket.port = 70000", "0..65535"},
        BadValue{R"({"websocket": {"host": 12}})", "websocket.host", "a string"},
        BadValue{R"({"cache": {"use_redis": "maybe"}})", "cache.use_redis", "true or false"},
        BadValue{R"({"face_swap": {"device": "tpu"}})", "face_swap.device = \"tpu\"",
                 "one of auto, cpu, cuda"},
        BadValue{R"({"processing": {"quality_threshold": 1.5}})", "processing.quality_threshold",
                 "a number in 0..1"},
        BadValue{R"({"logging": {"level": "loud"}})", "logging.level", "one of trace, debug"}));

TEST_F(ConfigTest, BadEnvironmentValueNamesVariable) {
  env_ = {{"WEBSOCKET_PORT", "eighty"}};
  std::string msg = error_of(sources());
  EXPECT_NE(msg.find("WEBSOCKET_PORT=\"eighty\""), std::string::npos) << msg;
  EXPECT_NE(msg.find("websocket.port"), std::string::npos) << msg;
  env_ = {{"USE_REDIS", "perhaps"}};
  msg = error_of(sources());
  EXPECT_NE(msg.find("true or false"), std::string::npos) << msg;
  env_ = {{"CAMERA_FPS", "0"}};
  msg = error_of(sources());
  EXPECT_NE(msg.find("1..240"), std::string::npos) << msg;
  env_ = {{"QUALITY_THRESHOLD", "0.5x"}};
  EXPECT_NE(error_of(sources()).find("QUALITY_THRESHOLD"), std::string::npos);
}

TEST_F(ConfigTest, CommandLineSetIsValidated) {
  Config cfg = load_config(sources());
  cfg.set("processing.device", "cpu", "command line");
  EXPECT_EQ(cfg.entry("processing.device").origin, "command line");
  EXPECT_THROW(cfg.set("processing.device", "gpu", "command line"), ConfigError);
  EXPECT_THROW(cfg.set("processing.nope", 1, "command line"), ConfigError);
}

TEST_F(ConfigTest, DescribeListsEveryKeyWithOrigin) {
  env_ = {{"CAMERA_FPS", "25"}};
  const std::string text = describe_config(load_config(sources()));
  for (const auto& spec : config_schema()) EXPECT_NE(text.find(spec.key), std::string::npos);
  EXPECT_NE(text.find("(env CAMERA_FPS)"), std::string::npos);
}

TEST_F(ConfigTest, ToJsonRoundTrips) {
  const Config cfg = load_config(sources());
  Config copy;
  apply_json(copy, cfg.to_json(), "copy");
  EXPECT_EQ(copy.to_json(), cfg.to_json());
}

}  // namespace
}  // namespace am

// The effective configuration: built-in defaults (config/default.json, compiled in), then a user
// file, then environment variables, then command-line overrides. Every value is checked against
// config_schema(); an unknown key or a bad value throws ConfigError with one line naming the key,
// the value, where it came from and what is allowed. Each value remembers its origin.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/config_schema.hpp"

namespace am {

struct ConfigEntry {
  nlohmann::json value;
  std::string origin;  // "default", "file <path>", "env NAME", "command line"
};

class Config {
 public:
  bool get_bool(std::string_view key) const;
  long long get_int(std::string_view key) const;
  double get_number(std::string_view key) const;
  std::string get_string(std::string_view key) const;
  const ConfigEntry& entry(std::string_view key) const;

  // Validates and stores; throws ConfigError naming key, value, origin and the allowed values.
  void set(std::string_view key, const nlohmann::json& value, const std::string& origin);

  const std::map<std::string, ConfigEntry, std::less<>>& entries() const { return entries_; }
  nlohmann::json to_json() const;  // nested, values only

 private:
  std::map<std::string, ConfigEntry, std::less<>> entries_;
};

using EnvLookup = std::function<std::optional<std::string>(const std::string& name)>;

struct ConfigSources {
  std::optional<std::filesystem::path> user_file;       // --config; required to exist when given
  std::filesystem::path implicit_file = "config.json";  // read when present and no --config
  EnvLookup env;                                        // defaults to std::getenv
};

// The compiled-in text of config/default.json.
std::string_view default_config_text();

Config load_config(const ConfigSources& sources);

// Merges a nested JSON object into cfg; unknown keys and bad values throw ConfigError.
void apply_json(Config& cfg, const nlohmann::json& doc, const std::string& origin);

// One line per key: "camera.fps = 30   (default)".
std::string describe_config(const Config& cfg);

}  // namespace am

// The list of every config key: its type, allowed values, environment variable and meaning.
// Takes nothing; gives the static table. Guarantees each key appears once and config/default.json
// holds exactly these keys (checked by a unit test).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace am {

enum class ValueType { Bool, Int, Number, String };

struct KeySpec {
  std::string key;  // dotted path, e.g. "camera.fps"
  ValueType type;
  std::string env;  // environment variable that overrides it
  double min = 0;   // range for Int and Number (inclusive)
  double max = 0;
  std::vector<std::string> choices;  // allowed strings; empty means any string
  std::string help;
};

const std::vector<KeySpec>& config_schema();
const KeySpec* find_key(std::string_view key);

// "an integer in 1..240", "one of auto, cpu, cuda", "true or false", ...
std::string describe_allowed(const KeySpec& spec);

// Empty when value is acceptable for spec, otherwise what is wrong (without the key name).
std::string check_value(const KeySpec& spec, const nlohmann::json& value);

// Parses an environment-variable string into a value of spec's type; throws ConfigError.
nlohmann::json parse_env_value(const KeySpec& spec, const std::string& text);

}  // namespace am

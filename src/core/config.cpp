#include "core/config.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <vector>

#include "core/error.hpp"

namespace am {
namespace {

// Section names when section is empty, otherwise the key names inside that section.
std::string known_keys_in(std::string_view section) {
  std::vector<std::string> names;
  for (const auto& spec : config_schema()) {
    const auto dot = spec.key.find('.');
    if (!section.empty() && spec.key.substr(0, dot) != section) continue;
    std::string name = section.empty() ? spec.key.substr(0, dot) : spec.key.substr(dot + 1);
    if (std::find(names.begin(), names.end(), name) == names.end())
      names.push_back(std::move(name));
  }
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

[[noreturn]] void unknown_key(const std::string& key, const std::string& origin) {
  const auto dot = key.find('.');
  const std::string section = dot == std::string::npos ? "" : key.substr(0, dot);
  const bool section_known = !section.empty() && !known_keys_in(section).empty();
  throw ConfigError("config error: unknown key '" + key + "' (" + origin + "): " +
                    (section_known ? "keys in " + section + " are " + known_keys_in(section)
                                   : "sections are " + known_keys_in("")));
}

nlohmann::json read_json_file(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in)
    throw ConfigError("config error: cannot read config file " + path.string() +
                      ": check the path and its permissions");
  try {
    return nlohmann::json::parse(in);
  } catch (const nlohmann::json::parse_error& e) {
    throw ConfigError("config error: " + path.string() + " is not valid JSON (" + e.what() +
                      "): fix the syntax");
  }
}

std::optional<std::string> real_getenv(const std::string& name) {
  const char* v = std::getenv(name.c_str());
  return v ? std::optional<std::string>(v) : std::nullopt;
}

}  // namespace

const ConfigEntry& Config::entry(std::string_view key) const {
  auto it = entries_.find(key);
  if (it == entries_.end())
    throw ConfigError("config error: no such key '" + std::string(key) + "'");
  return it->second;
}

bool Config::get_bool(std::string_view key) const { return entry(key).value.get<bool>(); }
long long Config::get_int(std::string_view key) const { return entry(key).value.get<long long>(); }
double Config::get_number(std::string_view key) const { return entry(key).value.get<double>(); }
std::string Config::get_string(std::string_view key) const {
  return entry(key).value.get<std::string>();
}

void Config::set(std::string_view key, const nlohmann::json& value, const std::string& origin) {
  const KeySpec* spec = find_key(key);
  if (!spec) unknown_key(std::string(key), origin);
  const std::string problem = check_value(*spec, value);
  if (!problem.empty())
    throw ConfigError("config error: " + spec->key + " = " + value.dump() + " (" + origin + ") " +
                      problem);
  entries_[spec->key] = ConfigEntry{value, origin};
}

nlohmann::json Config::to_json() const {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [key, e] : entries_) {
    const auto dot = key.find('.');
    out[key.substr(0, dot)][key.substr(dot + 1)] = e.value;
  }
  return out;
}

void apply_json(Config& cfg, const nlohmann::json& doc, const std::string& origin) {
  if (!doc.is_object())
    throw ConfigError("config error: " + origin + " must hold a JSON object of sections");
  for (const auto& [section, body] : doc.items()) {
    if (known_keys_in(section).empty()) unknown_key(section, origin);
    if (!body.is_object())
      throw ConfigError("config error: '" + section + "' (" + origin +
                        ") must be an object with keys " + known_keys_in(section));
    for (const auto& [name, value] : body.items()) cfg.set(section + "." + name, value, origin);
  }
}

Config load_config(const ConfigSources& sources) {
  Config cfg;
  apply_json(cfg, nlohmann::json::parse(default_config_text()), "default");
  for (const auto& spec : config_schema())
    if (cfg.entries().find(spec.key) == cfg.entries().end())
      throw ConfigError("config error: built-in defaults lack " + spec.key);

  std::optional<std::filesystem::path> file = sources.user_file;
  if (!file && std::filesystem::exists(sources.implicit_file)) file = sources.implicit_file;
  if (file) {
    if (!std::filesystem::exists(*file))
      throw ConfigError("config error: config file " + file->string() +
                        " does not exist: check the --config path");
    apply_json(cfg, read_json_file(*file), "file " + file->string());
  }

  const EnvLookup env = sources.env ? sources.env : real_getenv;
  for (const auto& spec : config_schema()) {
    if (auto text = env(spec.env))
      cfg.set(spec.key, parse_env_value(spec, *text), "env " + spec.env);
  }
  return cfg;
}

std::string describe_config(const Config& cfg) {
  std::ostringstream out;
  for (const auto& spec : config_schema()) {
    const auto& e = cfg.entry(spec.key);
    std::string line = spec.key + " = " + e.value.dump();
    line.resize(std::max<size_t>(line.size() + 1, 48), ' ');
    out << line << "(" << e.origin << ")  " << spec.env << "\n";
  }
  return out.str();
}

}  // namespace am

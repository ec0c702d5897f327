// Logging set-up: coloured console on stderr plus a rotating log file, both at one level.
// Takes the level name and file settings from the config; after init_logging() every module logs
// through spdlog's default logger. Throws ConfigError when the log file cannot be opened.
#pragma once

#include <filesystem>
#include <string>

namespace am {

struct LogSettings {
  std::string level = "info";
  std::filesystem::path file;  // empty: console only
  int max_size_mb = 10;
  int max_files = 3;
};

void init_logging(const LogSettings& settings);

}  // namespace am

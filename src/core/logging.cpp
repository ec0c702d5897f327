#include "core/logging.hpp"

#include <memory>
#include <vector>

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "core/error.hpp"

namespace am {

void init_logging(const LogSettings& settings) {
  std::vector<spdlog::sink_ptr> sinks;
  sinks.push_back(std::make_shared<spdlog::sinks::stderr_color_sink_mt>());
  if (!settings.file.empty()) {
    try {
      if (settings.file.has_parent_path())
        std::filesystem::create_directories(settings.file.parent_path());
      sinks.push_back(std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
          settings.file.string(), static_cast<size_t>(settings.max_size_mb) * 1024 * 1024,
          static_cast<size_t>(settings.max_files)));
    } catch (const std::exception& e) {
      throw ConfigError("cannot open log file " + settings.file.string() + " (" + e.what() +
                        "): set logging.file / LOG_FILE to a writable path");
    }
  }
  auto logger = std::make_shared<spdlog::logger>("avatar-mirror", sinks.begin(), sinks.end());
  logger->set_level(spdlog::level::from_str(settings.level));
  logger->set_pattern("%Y-%m-%d %H:%M:%S.%e %^%-5l%$ %v");
  logger->flush_on(spdlog::level::warn);
  spdlog::set_default_logger(logger);
  spdlog::flush_every(std::chrono::seconds(2));
}

}  // namespace am

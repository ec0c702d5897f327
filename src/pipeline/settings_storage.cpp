#include <unistd.h>

#include <cmath>

#include <spdlog/spdlog.h>

#include "cache/file_cache.hpp"
#include "cache/resilient_cache.hpp"
#include "core/paths.hpp"
#include "pipeline/pipeline_settings.hpp"

namespace am {
namespace {

FileCacheOptions file_options(const Config& config) {
  FileCacheOptions o;
  o.dir = resolve_dir(config.get_string("cache.cache_dir"), "cache");
  o.limits.max_total_bytes = static_cast<std::uint64_t>(config.get_int("cache.max_size_mb")) << 20;
  o.limits.max_age_ms = std::llround(config.get_number("cache.ttl_hours") * 3600.0 * 1000.0);
  return o;
}

}  // namespace

RedisCacheOptions redis_cache_options(const Config& config) {
  RedisCacheOptions o;
  o.endpoint = parse_redis_url(config.get_string("cache.redis_url"));
  o.ttl_ms = file_options(config).limits.max_age_ms;
  return o;
}

std::unique_ptr<Cache> make_cache(const Config& config) {
  FileCacheOptions file = file_options(config);
  if (!config.get_bool("cache.use_redis")) return std::make_unique<FileCache>(std::move(file));
  ResilientCacheOptions o;
  o.redis = redis_cache_options(config);
  o.file = std::move(file);
  return std::make_unique<ResilientCache>(std::move(o));
}

std::filesystem::path models_dir(const Config& cfg) {
  return resolve_dir(cfg.get_string("models.dir"), "models");
}

std::filesystem::path avatar_dir(const Config& cfg) {
  return resolve_dir(cfg.get_string("cache.cache_dir"), "cache") / "avatars";
}

LogSettings log_settings(const Config& cfg) {
  LogSettings log;
  log.level = cfg.get_string("logging.level");
  const std::string file = cfg.get_string("logging.file");
  log.file = file.empty() ? app_home() / "avatar_mirror.log" : std::filesystem::path(file);
  log.max_size_mb = static_cast<int>(cfg.get_int("logging.max_size_mb"));
  log.max_files = static_cast<int>(cfg.get_int("logging.max_files"));
  return log;
}

BuildQueueOptions build_queue_options(const Config& cfg) {
  BuildQueueOptions o;
  o.endpoint = parse_redis_url(cfg.get_string("cache.redis_url"));
  o.claim_after =
      std::chrono::milliseconds(std::llround(cfg.get_number("builder.claim_timeout_s") * 1000.0));
  o.max_attempts = static_cast<int>(cfg.get_int("builder.max_attempts"));
  return o;
}

std::string mirror_name(const Config& cfg) {
  char host[256] = {};
  ::gethostname(host, sizeof host - 1);
  return std::string(host) + ":" + std::to_string(cfg.get_int("websocket.port"));
}

tracking::TrackerOptions tracker_options_for_site(const Config& cfg) {
  constexpr int kIdBlock = 1000000, kBlocks = 2000;  // ids stay below 2^31
  tracking::TrackerOptions options = tracker_options(cfg);
  if (cfg.get_string("builder.mode") != "redis") return options;
  std::int64_t number = 0;
  try {
    number = RedisBuildQueue(build_queue_options(cfg)).next_mirror_number();
  } catch (const CacheError& e) {
    number = ::getpid();
    spdlog::warn("builder.mode redis: {}; person ids from block {} (process id)", e.what(),
                 number % kBlocks);
  }
  options.first_id = static_cast<int>(number % kBlocks) * kIdBlock + 1;
  options.id_block = kIdBlock;
  return options;
}

}  // namespace am

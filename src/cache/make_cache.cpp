#include <cmath>

#include "cache/cache.hpp"
#include "cache/file_cache.hpp"
#include "cache/resilient_cache.hpp"
#include "core/paths.hpp"

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

}  // namespace am

// cache_stress_tool BACKEND TARGET MODE KEYS START COUNT AVATAR_BYTES
// A second process for the crash and concurrency tests. BACKEND is "file" (TARGET a folder) or
// "redis" (TARGET a redis:// URL); MODE "identities" or "avatars". Writes versions START,
// START+1, ... (COUNT of them, 0: until killed) to keys "k<version % KEYS>", content from
// cache_test_data.hpp, and after each write reads another key and checks it. Exit 0 when every
// read matched, 1 on the first mismatch, 2 on bad arguments or errors.
#include <iostream>
#include <memory>
#include <string>

#include "cache/file_cache.hpp"
#include "cache/redis_cache.hpp"
#include "support/cache_test_data.hpp"

namespace {

std::unique_ptr<am::Cache> open_cache(const std::string& backend, const std::string& target) {
  if (backend == "file") return std::make_unique<am::FileCache>(am::FileCacheOptions{target});
  return std::make_unique<am::RedisCache>(am::RedisCacheOptions{am::parse_redis_url(target)});
}

bool write_and_check(am::Cache& cache, bool avatars, const std::string& key,
                     const std::string& other, long long version, std::size_t bytes) {
  if (avatars) {
    cache.put_avatar(am::test::make_avatar(key, version, bytes));
    const auto got = cache.get_avatar(other);
    return !got || am::test::avatar_matches(*got, bytes);
  }
  cache.put_identity(am::test::make_identity(key, version));
  const auto got = cache.get_identity(other);
  return !got || am::test::identity_matches(*got);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 8) {
    std::cerr << "usage: cache_stress_tool BACKEND TARGET MODE KEYS START COUNT AVATAR_BYTES\n";
    return 2;
  }
  try {
    auto cache = open_cache(argv[1], argv[2]);
    const bool avatars = std::string(argv[3]) == "avatars";
    const long long keys = std::stoll(argv[4]);
    const long long start = std::stoll(argv[5]);
    const long long count = std::stoll(argv[6]);
    const auto bytes = static_cast<std::size_t>(std::stoull(argv[7]));
    for (long long v = start; count == 0 || v < start + count; ++v) {
      const std::string key = am::test::key("k", v % keys);
      const std::string other = am::test::key("k", (v * 7 + 3) % keys);
      if (!write_and_check(*cache, avatars, key, other, v, bytes)) {
        std::cerr << "cache_stress_tool: read a record that does not match its version\n";
        return 1;
      }
    }
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "cache_stress_tool: " << e.what() << "\n";
    return 2;
  }
}

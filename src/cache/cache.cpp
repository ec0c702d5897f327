#include "cache/cache.hpp"

#include <chrono>

namespace am {

bool Cache::touch(const std::string& id, std::int64_t seen_ms) {
  auto identity = get_identity(id);
  if (!identity) return false;
  if (seen_ms > identity->last_seen_ms) {
    identity->last_seen_ms = seen_ms;
    put_identity(*identity);
  }
  return true;
}

std::int64_t unix_now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace am

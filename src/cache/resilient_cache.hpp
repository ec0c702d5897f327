// ResilientCache: what the app uses when cache.use_redis is true. Redis is the primary (shared
// with other mirrors); a FileCache is the fallback. Decisions:
// - Writes go to the file cache always (write-through), and to Redis while it is reachable. So
//   during an outage this mirror still has everything it wrote itself.
// - Reads come from Redis while it is reachable, from the file cache while it is not. A Redis
//   miss is a miss (Redis is the shared truth), it does not fall back to the file.
// - When a Redis call fails: ONE spdlog::warn for the whole outage, the call is served by the
//   file cache instead (callers never see the outage), and a background thread retries with
//   exponential backoff (initial_backoff doubling up to max_backoff).
// - Catching up: ids written while Redis was down are remembered (in memory); when Redis answers
//   again their local entries are pushed with put_*_if_newer(), so an entry that another mirror
//   updated meanwhile in Redis (same or newer last_seen_ms / created_ms) is never overwritten by
//   stale local data. Redis counts as back only once that list is empty.
// - Not replayed: remove() during an outage (the local copy may also vanish by eviction, which
//   must not delete shared data), and the list of pending ids if the process restarts while
//   Redis is down (those entries stay in this mirror's file cache only).
// - Redis unreachable at start: the mirror starts on the file cache and catches up later.
#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <set>
#include <thread>
#include <utility>

#include "cache/file_cache.hpp"
#include "cache/redis_cache.hpp"

namespace am {

struct ResilientCacheOptions {
  RedisCacheOptions redis;
  FileCacheOptions file;
  std::chrono::milliseconds initial_backoff{500};
  std::chrono::milliseconds max_backoff{30000};
};

class ResilientCache final : public Cache {
 public:
  explicit ResilientCache(ResilientCacheOptions options);
  ~ResilientCache() override;  // stops the reconnect thread

  void put_identity(const Identity& identity) override;
  std::optional<Identity> get_identity(const std::string& id) override;
  void put_avatar(const Avatar& avatar) override;
  std::optional<Avatar> get_avatar(const std::string& id) override;
  std::vector<Identity> list_identities() override;
  void remove(const std::string& id) override;
  std::size_t cleanup() override;

  // True while Redis serves reads and writes (reachable and caught up).
  bool redis_online() const;

 private:
  enum class Kind { identity, avatar };
  using Pending = std::set<std::pair<Kind, std::string>>;

  template <class Write>
  void write_primary(Kind kind, const std::string& id, Write write);
  template <class Read, class Fallback>
  auto read_primary(Read read, Fallback fallback) -> decltype(fallback());
  void mark_offline_locked(const std::string& why);  // caller holds mutex_
  void reconnect_loop();
  void catch_up();
  bool push_if_newer(Kind kind, const std::string& id);

  ResilientCacheOptions options_;
  RedisCache redis_;
  FileCache file_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool online_ = true;
  bool stopping_ = false;
  Pending pending_;
  std::thread reconnector_;
};

}  // namespace am

// RedisCache: the Cache on a Redis server, shared by every mirror that points at it.
// Keys: "avatar-mirror:v1:identity:<id>" and "avatar-mirror:v1:avatar:<id>" hold one entry each
// in the entry_codec.hpp format (checksummed, so a corrupt value is deleted, logged and reported
// as a miss, never served); the set "avatar-mirror:v1:identities" lists the ids for
// list_identities(). Age limit: every value gets the TTL (refreshed by writes and avatar reads);
// size limit: left to the server's maxmemory policy. cleanup() drops ids whose identity expired
// from the set. One connection, used under a mutex; an unreachable server throws CacheError.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>

#include "cache/cache.hpp"
#include "cache/redis_connection.hpp"

namespace am {

struct RedisCacheOptions {
  RedisEndpoint endpoint;
  std::int64_t ttl_ms = 720ll * 3600 * 1000;  // 0: values never expire
  std::chrono::milliseconds timeout{1000};    // connect and per-command
};

class RedisCache final : public Cache {
 public:
  // Does not connect yet: the first command (or ping()) does.
  explicit RedisCache(RedisCacheOptions options);

  void put_identity(const Identity& identity) override;
  std::optional<Identity> get_identity(const std::string& id) override;
  void put_avatar(const Avatar& avatar) override;
  std::optional<Avatar> get_avatar(const std::string& id) override;
  std::vector<Identity> list_identities() override;
  void remove(const std::string& id) override;
  std::size_t cleanup() override;

  // Conditional writes for catching up: the value is written only when Redis holds no
  // entry whose header carries the same or a newer version (atomic: WATCH/MULTI/EXEC; ties keep
  // what Redis has). True when written.
  bool put_identity_if_newer(const Identity& identity);
  bool put_avatar_if_newer(const Avatar& avatar);

  // Throws CacheError when the server cannot be reached.
  void ping();

  const RedisEndpoint& endpoint() const { return conn_.endpoint(); }

 private:
  void put_entry(const std::string& key, const std::string& entry, const std::string& index_id);
  bool put_entry_if_newer(const std::string& key, const std::string& entry, std::int64_t version,
                          const std::string& index_id);
  std::optional<std::string> get_entry(const std::string& key, bool refresh_ttl);
  void drop_corrupt(const std::string& key, std::size_t size);

  RedisCacheOptions options_;
  std::string ttl_text_;
  std::mutex mutex_;
  RedisConnection conn_;
};

}  // namespace am

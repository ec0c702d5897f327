#include "cache/redis_cache.hpp"

#include <spdlog/spdlog.h>

#include "cache/entry_codec.hpp"

namespace am {
namespace {

constexpr std::string_view kIndexKey = "avatar-mirror:v1:identities";
constexpr int kMaxOptimisticRetries = 10;

std::string identity_key(const std::string& id) { return "avatar-mirror:v1:identity:" + id; }
std::string avatar_key(const std::string& id) { return "avatar-mirror:v1:avatar:" + id; }

}  // namespace

RedisCache::RedisCache(RedisCacheOptions options)
    : options_(std::move(options)),
      ttl_text_(std::to_string(options_.ttl_ms)),
      conn_(options_.endpoint, options_.timeout) {}

void RedisCache::put_entry(const std::string& key, const std::string& entry,
                           const std::string& index_id) {
  std::vector<RedisCommand> commands;
  if (options_.ttl_ms > 0) {
    commands.push_back({"SET", key, entry, "PX", ttl_text_});
  } else {
    commands.push_back({"SET", key, entry});
  }
  if (!index_id.empty()) commands.push_back({"SADD", kIndexKey, index_id});
  std::lock_guard lock(mutex_);
  conn_.run_pipeline(commands);
}

bool RedisCache::put_entry_if_newer(const std::string& key, const std::string& entry,
                                    std::int64_t version, const std::string& index_id) {
  std::vector<RedisCommand> transaction{{"MULTI"}};
  if (options_.ttl_ms > 0) {
    transaction.push_back({"SET", key, entry, "PX", ttl_text_});
  } else {
    transaction.push_back({"SET", key, entry});
  }
  if (!index_id.empty()) transaction.push_back({"SADD", kIndexKey, index_id});
  transaction.push_back({"EXEC"});
  const std::string header_end = std::to_string(kEntryHeaderSize - 1);

  std::lock_guard lock(mutex_);
  for (int attempt = 0; attempt < kMaxOptimisticRetries; ++attempt) {
    const auto head = conn_.run_pipeline({{"WATCH", key}, {"GETRANGE", key, "0", header_end}});
    const auto stored = peek_header(head[1].text);
    if (stored && stored->version_ms >= version) {
      conn_.run({"UNWATCH"});
      return false;
    }
    const auto replies = conn_.run_pipeline(transaction, RedisConnection::Resend::never);
    if (replies.back().type == RedisReply::Type::array) return true;
  }
  throw CacheError("cache: Redis " + conn_.endpoint().to_string() + ": key " + key +
                   " kept changing while catching up; retry later");
}

std::optional<std::string> RedisCache::get_entry(const std::string& key, bool refresh_ttl) {
  std::vector<RedisCommand> commands{{"GET", key}};
  if (refresh_ttl && options_.ttl_ms > 0) commands.push_back({"PEXPIRE", key, ttl_text_});
  std::lock_guard lock(mutex_);
  auto replies = conn_.run_pipeline(commands);
  if (replies[0].type != RedisReply::Type::string) return std::nullopt;
  return std::move(replies[0].text);
}

void RedisCache::drop_corrupt(const std::string& key, std::size_t size) {
  spdlog::warn("cache: dropped corrupt Redis value {} ({} bytes) on {}; it will be rebuilt", key,
               size, conn_.endpoint().to_string());
  std::lock_guard lock(mutex_);
  conn_.run({"DEL", key});
}

void RedisCache::put_identity(const Identity& identity) {
  put_entry(identity_key(identity.id), encode_identity(identity), identity.id);
}

std::optional<Identity> RedisCache::get_identity(const std::string& id) {
  const auto entry = get_entry(identity_key(id), false);
  if (!entry) return std::nullopt;
  auto identity = decode_identity(*entry);
  if (!identity) drop_corrupt(identity_key(id), entry->size());
  return identity;
}

void RedisCache::put_avatar(const Avatar& avatar) {
  put_entry(avatar_key(avatar.id), encode_avatar(avatar), "");
}

std::optional<Avatar> RedisCache::get_avatar(const std::string& id) {
  const auto entry = get_entry(avatar_key(id), true);
  if (!entry) return std::nullopt;
  auto avatar = decode_avatar(*entry);
  if (!avatar) drop_corrupt(avatar_key(id), entry->size());
  return avatar;
}

std::vector<Identity> RedisCache::list_identities() {
  std::vector<RedisReply> values;
  std::vector<std::string> keys;
  {
    std::lock_guard lock(mutex_);
    const auto ids = conn_.run({"SMEMBERS", kIndexKey});
    if (ids.elements.empty()) return {};
    RedisCommand mget{"MGET"};
    for (const auto& id : ids.elements) keys.push_back(identity_key(id.text));
    for (const auto& key : keys) mget.push_back(key);
    values = conn_.run(mget).elements;
  }
  std::vector<Identity> out;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (values[i].type != RedisReply::Type::string) continue;
    if (auto identity = decode_identity(values[i].text)) {
      out.push_back(std::move(*identity));
    } else {
      drop_corrupt(keys[i], values[i].text.size());
    }
  }
  return out;
}

void RedisCache::remove(const std::string& id) {
  const std::string ikey = identity_key(id);
  const std::string akey = avatar_key(id);
  std::lock_guard lock(mutex_);
  conn_.run_pipeline({{"DEL", ikey, akey}, {"SREM", kIndexKey, id}});
}

std::size_t RedisCache::cleanup() {
  std::lock_guard lock(mutex_);
  const auto ids = conn_.run({"SMEMBERS", kIndexKey});
  std::vector<std::string> keys;
  for (const auto& id : ids.elements) keys.push_back(identity_key(id.text));
  std::vector<RedisCommand> exists;
  exists.reserve(keys.size());
  for (const auto& key : keys) exists.push_back({"EXISTS", key});
  const auto replies = conn_.run_pipeline(exists);
  RedisCommand srem{"SREM", kIndexKey};
  for (std::size_t i = 0; i < replies.size(); ++i) {
    if (replies[i].integer == 0) srem.push_back(ids.elements[i].text);
  }
  if (srem.size() == 2) return 0;
  return static_cast<std::size_t>(conn_.run(srem).integer);
}

bool RedisCache::put_identity_if_newer(const Identity& identity) {
  return put_entry_if_newer(identity_key(identity.id), encode_identity(identity),
                            identity.last_seen_ms, identity.id);
}

bool RedisCache::put_avatar_if_newer(const Avatar& avatar) {
  return put_entry_if_newer(avatar_key(avatar.id), encode_avatar(avatar), avatar.created_ms, "");
}

void RedisCache::ping() {
  std::lock_guard lock(mutex_);
  conn_.run({"PING"});
}

}  // namespace am

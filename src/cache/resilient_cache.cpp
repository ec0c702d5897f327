#include "cache/resilient_cache.hpp"

#include <algorithm>

#include <spdlog/spdlog.h>

namespace am {

ResilientCache::ResilientCache(ResilientCacheOptions options)
    : options_(std::move(options)), redis_(options_.redis), file_(options_.file) {
  try {
    redis_.ping();
  } catch (const CacheError& e) {
    std::lock_guard lock(mutex_);
    mark_offline_locked(e.what());
  }
  reconnector_ = std::thread([this] { reconnect_loop(); });
}

ResilientCache::~ResilientCache() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  reconnector_.join();
}

bool ResilientCache::redis_online() const {
  std::lock_guard lock(mutex_);
  return online_;
}

void ResilientCache::mark_offline_locked(const std::string& why) {
  if (!online_) return;
  online_ = false;
  spdlog::warn(
      "cache: Redis {} is unreachable, serving from the file cache {} and reconnecting "
      "in the background ({})",
      redis_.endpoint().to_string(), file_.dir().string(), why);
  wake_.notify_all();
}

template <class Write>
void ResilientCache::write_primary(Kind kind, const std::string& id, Write write) {
  {
    std::lock_guard lock(mutex_);
    if (!online_) {
      pending_.emplace(kind, id);
      return;
    }
  }
  try {
    write();
  } catch (const CacheError& e) {
    std::lock_guard lock(mutex_);
    pending_.emplace(kind, id);
    mark_offline_locked(e.what());
  }
}

template <class Read, class Fallback>
auto ResilientCache::read_primary(Read read, Fallback fallback) -> decltype(fallback()) {
  if (redis_online()) {
    try {
      return read();
    } catch (const CacheError& e) {
      std::lock_guard lock(mutex_);
      mark_offline_locked(e.what());
    }
  }
  return fallback();
}

void ResilientCache::put_identity(const Identity& identity) {
  file_.put_identity(identity);
  write_primary(Kind::identity, identity.id, [&] { redis_.put_identity(identity); });
}

std::optional<Identity> ResilientCache::get_identity(const std::string& id) {
  return read_primary([&] { return redis_.get_identity(id); },
                      [&] { return file_.get_identity(id); });
}

void ResilientCache::put_avatar(const Avatar& avatar) {
  file_.put_avatar(avatar);
  write_primary(Kind::avatar, avatar.id, [&] { redis_.put_avatar(avatar); });
}

std::optional<Avatar> ResilientCache::get_avatar(const std::string& id) {
  return read_primary([&] { return redis_.get_avatar(id); }, [&] { return file_.get_avatar(id); });
}

std::vector<Identity> ResilientCache::list_identities() {
  return read_primary([&] { return redis_.list_identities(); },
                      [&] { return file_.list_identities(); });
}

void ResilientCache::remove(const std::string& id) {
  file_.remove(id);
  read_primary([&] { redis_.remove(id); }, [] {});
}

std::size_t ResilientCache::cleanup() {
  const std::size_t removed = file_.cleanup();
  return removed + read_primary([&] { return redis_.cleanup(); }, [] { return std::size_t{0}; });
}

void ResilientCache::reconnect_loop() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    wake_.wait(lock, [&] { return stopping_ || !online_; });
    auto delay = options_.initial_backoff;
    while (!stopping_ && !online_) {
      if (wake_.wait_for(lock, delay, [&] { return stopping_; })) break;
      lock.unlock();
      bool back = false;
      try {
        redis_.ping();
        catch_up();
        back = true;
      } catch (const CacheError&) {
      }
      lock.lock();
      if (!back) delay = std::min(delay * 2, options_.max_backoff);
    }
  }
}

void ResilientCache::catch_up() {
  std::size_t pushed = 0;
  std::size_t checked = 0;
  for (;;) {
    Pending batch;
    {
      std::lock_guard lock(mutex_);
      if (pending_.empty()) {
        online_ = true;
        break;
      }
      batch.swap(pending_);
    }
    try {
      for (const auto& [kind, id] : batch) {
        pushed += push_if_newer(kind, id) ? 1 : 0;
        ++checked;
      }
    } catch (const CacheError&) {
      std::lock_guard lock(mutex_);
      pending_.insert(batch.begin(), batch.end());
      throw;
    }
  }
  spdlog::info("cache: Redis {} is back; pushed {} of {} entries written during the outage",
               redis_.endpoint().to_string(), pushed, checked);
}

bool ResilientCache::push_if_newer(Kind kind, const std::string& id) {
  if (kind == Kind::identity) {
    const auto local = file_.get_identity(id);
    return local && redis_.put_identity_if_newer(*local);
  }
  const auto local = file_.get_avatar(id);
  return local && redis_.put_avatar_if_newer(*local);
}

}  // namespace am

#include "pipeline/remote_builds.hpp"

#include <spdlog/spdlog.h>

#include "core/clock.hpp"
#include "jobs/avatar_files.hpp"

namespace am {
namespace {

constexpr auto kListenBlock = std::chrono::milliseconds(1000);
constexpr double kIdentityRefreshMs = 10000;

}  // namespace

RemoteBuilds::RemoteBuilds(RemoteBuildsSetup setup, Cache& cache, Metrics& metrics)
    : setup_(std::move(setup)), cache_(cache), metrics_(metrics), queue_(setup_.queue) {
  metrics_.builder_redis_online = 1;
  listener_ = std::thread([this] { listen(); });
}

RemoteBuilds::~RemoteBuilds() {
  stop_ = true;
  if (listener_.joinable()) listener_.join();
}

void RemoteBuilds::set_online(bool online) {
  const int was = metrics_.builder_redis_online.exchange(online ? 1 : 0);
  if (was == 1 && !online)
    spdlog::warn(
        "builder.mode redis: Redis at {} is unreachable; building avatars here until it "
        "is back",
        setup_.queue.endpoint.to_string());
  if (was == 0 && online) spdlog::info("builder.mode redis: Redis is back; workers build again");
}

bool RemoteBuilds::submit(const BuildJob& job) {
  try {
    bool queued = false;
    {
      std::lock_guard lock(queue_mutex_);
      queued = queue_.enqueue(job, {setup_.origin, unix_now_ms()});
    }
    set_online(true);
    std::lock_guard lock(state_mutex_);
    awaiting_.insert(job.person_id);
    if (!queued)
      spdlog::info("avatar of person {} is already queued; waiting for its result", job.person_id);
    return true;
  } catch (const CacheError&) {
    set_online(false);
    return false;
  }
}

std::vector<Identity> RemoteBuilds::take_identities() {
  std::lock_guard lock(state_mutex_);
  return std::exchange(identities_, {});
}

void RemoteBuilds::wait_for_results(std::chrono::milliseconds limit) {
  const double until = monotonic_ms() + static_cast<double>(limit.count());
  while (monotonic_ms() < until && metrics_.builder_redis_online == 1) {
    {
      std::lock_guard lock(state_mutex_);
      if (awaiting_.empty()) return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

void RemoteBuilds::listen() {
  RedisBuildQueue results(setup_.queue);
  std::string after = "$";
  double next_refresh = 0;
  while (!stop_) {
    try {
      if (monotonic_ms() >= next_refresh) {
        auto known = cache_.list_identities();
        std::lock_guard lock(state_mutex_);
        identities_ = std::move(known);
        next_refresh = monotonic_ms() + kIdentityRefreshMs;
      }
      for (const BuildResult& r : results.read_results(after, kListenBlock)) handle(r);
    } catch (const CacheError&) {
      set_online(false);
      for (int i = 0; i < 10 && !stop_; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    } catch (const std::exception& e) {
      spdlog::warn("builder.mode redis: skipping a result that cannot be read: {}", e.what());
    }
  }
}

void RemoteBuilds::handle(const BuildResult& r) {
  {
    std::lock_guard lock(state_mutex_);
    if (awaiting_.erase(r.person_id) == 0) return;  // not ours
  }
  if (!r.ok) return setup_.on_failed(r.person_id, r.reason);
  const auto avatar = cache_.get_avatar(std::to_string(r.person_id));
  const auto bind = avatar ? bind_world_from_metadata(avatar->metadata_json) : std::nullopt;
  if (!bind) return setup_.on_failed(r.person_id, "the worker's avatar is not in the shared cache");
  spdlog::info("avatar of person {} built by worker {} in {} ms after {} ms in the queue",
               r.person_id, r.worker, r.build_ms, r.wait_ms);
  setup_.on_ready({r.person_id, write_avatar_file(setup_.avatar_dir, r.person_id, avatar->glb),
                   *bind, 0, nullptr});
}

}  // namespace am

// builder.mode redis, the mirror's side of the shared build queue: jobs go to the
// `avatar-mirror worker`s through Redis (jobs/redis_build_queue.hpp) instead of being built here;
// a listener thread reads the results, fetches each avatar this mirror waits for from the shared
// cache and hands it over (on_ready), or reports a dead-lettered job (on_failed). The same thread
// reloads the shared identities every 10 s, so a visitor first seen at another mirror is known
// here too. submit() is called from the avatar workers; it returns false when Redis cannot be
// reached, and the caller builds the avatar itself (metrics.builder_redis_online says which).
#pragma once

#include <atomic>
#include <filesystem>
#include <functional>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "cache/cache.hpp"
#include "jobs/build_job.hpp"
#include "jobs/redis_build_queue.hpp"
#include "pipeline/metrics.hpp"

namespace am {

struct RemoteBuildsSetup {
  BuildQueueOptions queue;
  std::string origin;  // this mirror's name in the jobs
  std::filesystem::path avatar_dir;
  std::function<void(ReadyAvatar)> on_ready;  // called on the listener thread
  std::function<void(int person_id, const std::string& reason)> on_failed;
};

class RemoteBuilds {
 public:
  RemoteBuilds(RemoteBuildsSetup setup, Cache& cache, Metrics& metrics);
  ~RemoteBuilds();  // stops the listener
  RemoteBuilds(const RemoteBuilds&) = delete;
  RemoteBuilds& operator=(const RemoteBuilds&) = delete;

  // Queues the job (AvatarFaces::dressed: its photo already wears the person's face and its
  // face_tag names it). False when Redis is unreachable.
  bool submit(const BuildJob& job);
  // Identities loaded from the shared cache since the last call.
  std::vector<Identity> take_identities();
  // Waits until no result is awaited (or `limit` passed, or Redis is down).
  void wait_for_results(std::chrono::milliseconds limit);

 private:
  void listen();
  void handle(const BuildResult& result);
  void set_online(bool online);

  RemoteBuildsSetup setup_;
  Cache& cache_;
  Metrics& metrics_;
  std::mutex queue_mutex_;
  RedisBuildQueue queue_;  // submit(), under queue_mutex_
  std::mutex state_mutex_;
  std::set<int> awaiting_;            // people whose job is queued or building elsewhere
  std::vector<Identity> identities_;  // loaded by the listener, taken by the live path
  std::atomic<bool> stop_{false};
  std::thread listener_;
};

}  // namespace am

// The avatar build queue on Redis Streams, shared by mirrors and `avatar-mirror worker`s.
// Keys under <prefix> (default "avatar-mirror:v1:build"):
//   :jobs     the stream of jobs (job_codec.hpp), read by the consumer group "builders";
//   :results  one entry per finished job: person, ok (1/0), reason, worker, built (1: this entry's
//             worker built it, 0: the avatar was already in the cache), wait_ms, build_ms;
//   :dead     jobs that failed max_attempts times, with their reason (the dead-letter stream);
//   :lock:<person>  set while a job for the person is queued or building: a second job for the
//             same person is not queued (duplicates are never built twice);
//   :mirrors  a counter handing each mirror a number (its block of person ids).
// A worker acknowledges a job only after the avatar is stored; a job left pending by a worker
// that died is claimed by another after claim_after (XAUTOCLAIM). One connection per queue
// object, not thread-safe: use one object per thread. Redis errors throw CacheError.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cache/redis_connection.hpp"
#include "jobs/job_codec.hpp"

namespace am {

struct BuildQueueOptions {
  RedisEndpoint endpoint;
  std::string prefix = "avatar-mirror:v1:build";
  std::chrono::milliseconds claim_after{60000};  // a pending job idle this long is taken over
  int max_attempts = 3;                          // deliveries before a failing job is dead
  std::chrono::milliseconds timeout{5000};       // connect and per command (> any BLOCK)
};

struct ClaimedJob {
  std::string entry_id;
  std::map<std::string, std::string> fields;
  std::int64_t deliveries = 1;  // including this one
};

struct BuildResult {
  int person_id = 0;
  bool ok = false;
  std::string reason;  // why it failed (dead-lettered)
  std::string worker;
  bool built = false;  // false: the avatar was already stored, nothing was built
  std::int64_t wait_ms = 0;
  std::int64_t build_ms = 0;
};

class RedisBuildQueue {
 public:
  explicit RedisBuildQueue(BuildQueueOptions options);

  // Mirror side. False when a job for the person is already queued or building.
  bool enqueue(const BuildJob& job, const JobInfo& info);
  // Results after `after` ("$" at first: only new ones); `after` advances. Waits up to `block`.
  std::vector<BuildResult> read_results(std::string& after, std::chrono::milliseconds block);
  std::int64_t next_mirror_number();

  // Worker side. A job for this consumer: one left pending too long by another first, else a
  // new one (waiting up to `block`); nothing when there is none.
  std::optional<ClaimedJob> claim(const std::string& consumer, std::chrono::milliseconds block);
  // The job is done (its avatar stored): result published, job acknowledged, lock released.
  void complete(const ClaimedJob& job, const BuildResult& result);
  // The job failed: after max_attempts deliveries it goes to the dead-letter stream (and a
  // failed result is published); before that it stays pending and is retried after claim_after.
  // True when it was dead-lettered.
  bool fail(const ClaimedJob& job, int person_id, const std::string& reason);

  const BuildQueueOptions& options() const { return options_; }

 private:
  void ensure_group();
  void finish(const ClaimedJob& job, const BuildResult& result);
  std::string key(const std::string& name) const { return options_.prefix + ":" + name; }

  BuildQueueOptions options_;
  RedisConnection conn_;
  bool group_ready_ = false;
};

}  // namespace am

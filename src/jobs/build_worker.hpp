// One build worker: claims a job from the Redis build queue, builds the avatar with
// run_build_job (the same function a mirror's own workers run) from the job's photo as it comes
// (the mirror swapped the person's face in before queuing it, and the job's face tag, stored with
// the avatar, names that face), stores it in the shared cache and only then completes the job
// (result published, job acknowledged). An avatar already stored for the job (same face, stored
// after it was queued: a worker died after storing it) is not built again. A job that throws is
// failed: retried after the queue's claim_after, dead-lettered after max_attempts.
#pragma once

#include <chrono>
#include <string>

#include "jobs/build_job.hpp"
#include "jobs/redis_build_queue.hpp"

namespace am {

class BuildWorker {
 public:
  // tools: the segmenter, the shared cache and a scratch avatar folder.
  BuildWorker(RedisBuildQueue& queue, const BuildTools& tools, std::string name);

  // Handles at most one job, waiting up to `block` for one; false when there was none.
  bool run_once(std::chrono::milliseconds block);

  const std::string& name() const { return name_; }

 private:
  BuildResult handle(const DecodedJob& decoded);

  RedisBuildQueue& queue_;
  const BuildTools& tools_;
  std::string name_;
};

}  // namespace am

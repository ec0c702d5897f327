#include "jobs/build_worker.hpp"

#include <spdlog/spdlog.h>

#include "core/clock.hpp"
#include "jobs/avatar_files.hpp"

namespace am {
namespace {

// The avatar a previous delivery of this job already stored (same face, built after the job was
// queued), so it is announced, not built again.
bool already_stored(Cache& cache, const DecodedJob& d) {
  const auto avatar = cache.get_avatar(std::to_string(d.job.person_id));
  return avatar && avatar->created_ms >= d.info.enqueued_ms &&
         face_from_metadata(avatar->metadata_json) == d.job.face_tag;
}

}  // namespace

BuildWorker::BuildWorker(RedisBuildQueue& queue, const BuildTools& tools, std::string name)
    : queue_(queue), tools_(tools), name_(std::move(name)) {}

bool BuildWorker::run_once(std::chrono::milliseconds block) {
  const auto claimed = queue_.claim(name_, block);
  if (!claimed) return false;
  int person = 0;
  try {
    const DecodedJob decoded = decode_job(claimed->fields);
    person = decoded.job.person_id;
    spdlog::info("worker {}: avatar of person {} from {} (attempt {})", name_, person,
                 decoded.info.origin, claimed->deliveries);
    queue_.complete(*claimed, handle(decoded));
  } catch (const CacheError&) {
    throw;  // Redis is gone: the job stays pending and is claimed again later
  } catch (const std::exception& e) {
    const bool dead = queue_.fail(*claimed, person, e.what());
    spdlog::warn("worker {}: avatar of person {} failed{}: {}", name_, person,
                 dead ? " for the last time, moved to the dead-letter stream" : ", will retry",
                 e.what());
  }
  return true;
}

BuildResult BuildWorker::handle(const DecodedJob& d) {
  BuildResult result;
  result.person_id = d.job.person_id;
  result.ok = true;
  result.worker = name_;
  const double start = monotonic_ms();
  result.wait_ms = std::max<std::int64_t>(0, unix_now_ms() - d.info.enqueued_ms);
  if (already_stored(tools_.cache, d)) {
    spdlog::info("worker {}: avatar of person {} is already stored; not building it again", name_,
                 d.job.person_id);
    return result;
  }
  const ReadyAvatar built = run_build_job(d.job, tools_);
  result.built = true;
  result.build_ms = static_cast<std::int64_t>(monotonic_ms() - start);
  spdlog::info("worker {}: avatar of person {} built in {} ms ({} vertices), waited {} ms", name_,
               d.job.person_id, result.build_ms, built.vertices, result.wait_ms);
  return result;
}

}  // namespace am

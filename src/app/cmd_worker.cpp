#include <unistd.h>

#include <thread>

#include <spdlog/spdlog.h>

#include "app/commands.hpp"
#include "cache/redis_cache.hpp"
#include "core/paths.hpp"
#include "core/stop_signal.hpp"
#include "jobs/build_worker.hpp"
#include "models/registry.hpp"
#include "pipeline/pipeline_settings.hpp"

namespace am {
namespace {

std::string default_worker_name() {
  char host[256] = {};
  ::gethostname(host, sizeof host - 1);
  return std::string(host) + "-" + std::to_string(::getpid());
}

// Sleeps up to `total`, returning early on a stop signal.
void pause_unless_stopped(std::chrono::milliseconds total) {
  for (auto slept = std::chrono::milliseconds(0); slept < total && !stop_requested();
       slept += std::chrono::milliseconds(100))
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
}

}  // namespace

int cmd_worker(const Config& cfg, const WorkerCommand& opts) {
  install_stop_handlers();
  const std::string name = opts.name.empty() ? default_worker_name() : opts.name;
  RedisCache cache(redis_cache_options(cfg));
  const Segmenter segmenter(models_dir(cfg), session_options(cfg));
  const auto scratch = resolve_dir(cfg.get_string("cache.cache_dir"), "cache") / "worker_avatars";
  std::filesystem::create_directories(scratch);
  const std::unique_ptr<FaceMesh> face_mesh = face_mesh_from(cfg, models_dir(cfg));
  const BuildTools tools{segmenter, cache, scratch, face_mesh.get()};
  RedisBuildQueue queue(build_queue_options(cfg));
  BuildWorker worker(queue, tools, name);
  spdlog::info(
      "worker {} takes avatar build jobs from {} (builder.claim_timeout_s {}, "
      "builder.max_attempts {})",
      name, queue.options().endpoint.to_string(), cfg.get_number("builder.claim_timeout_s"),
      cfg.get_int("builder.max_attempts"));
  int64_t handled = 0;
  bool redis_down = false;
  while (!stop_requested() && (opts.max_jobs < 0 || handled < opts.max_jobs)) {
    try {
      if (worker.run_once(std::chrono::milliseconds(1000))) ++handled;
      if (redis_down) spdlog::info("worker {}: Redis is back", name);
      redis_down = false;
    } catch (const CacheError& e) {
      if (!redis_down)
        spdlog::warn(
            "worker {}: {}; start redis-server or fix cache.redis_url (retrying every 2 s)", name,
            e.what());
      redis_down = true;
      pause_unless_stopped(std::chrono::seconds(2));
    }
  }
  spdlog::info("worker {}: {} job(s) handled", name, handled);
  return 0;
}

}  // namespace am

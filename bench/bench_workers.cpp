// Build workers through Redis Streams: avatar builds per minute with 1, 2 and 3 `avatar-mirror
// worker` processes sharing one real redis-server, and how long jobs wait in the queue. Each run
// queues 6 jobs at once (the test photo pifuhd_test.png, six person ids) and waits for their six
// results; counters: builds_per_min, queue_wait_ms (mean, from the results), build_ms (mean).
#include <benchmark/benchmark.h>

#include <spawn.h>
#include <sys/wait.h>

#include <csignal>

#include <opencv2/imgcodecs.hpp>

#include "cache/cache.hpp"
#include "core/clock.hpp"
#include "jobs/redis_build_queue.hpp"
#include "perception/pose/pose_tracker.hpp"
#include "support/models_dir.hpp"
#include "support/redis_server.hpp"
#include "support/testdata.hpp"

namespace {

using namespace am;
constexpr int kJobs = 6;

pid_t start_worker(const std::string& url, const std::string& name,
                   const std::filesystem::path& dir) {
  const std::string line = "exec env LOG_LEVEL=warn CACHE_DIR=" + (dir / name).string() +
                           " LOG_FILE=" + (dir / (name + ".log")).string() + " REDIS_URL=" + url +
                           " " + AM_BINARY_DIR + "/avatar-mirror worker --name " + name;
  const char* argv[] = {"sh", "-c", line.c_str(), nullptr};
  pid_t pid = 0;
  posix_spawnp(&pid, "sh", nullptr, nullptr, const_cast<char**>(argv), environ);
  return pid;
}

BuildJob photo_job() {
  BuildJob job;
  job.image = cv::imread(test::testdata("full_body/pifuhd_test.png").string());
  PoseTracker pose(test::models_dir());
  job.person = pose.process(job.image, 0, false).at(0);
  return job;
}

void BM_WorkerBuildsPerMinute(benchmark::State& state) {
  static const BuildJob job = photo_job();
  const int workers = static_cast<int>(state.range(0));
  for (auto _ : state) {
    test::RedisServer redis("bench_workers");
    const auto dir = test::scratch_dir("bench_workers");
    BuildQueueOptions options;
    options.endpoint = redis.endpoint();
    RedisBuildQueue queue(options);
    std::vector<pid_t> pids;
    for (int w = 0; w < workers; ++w)
      pids.push_back(start_worker(redis.url(), "w" + std::to_string(w), dir));
    std::this_thread::sleep_for(std::chrono::seconds(2));  // models loaded
    const double start = monotonic_ms();
    for (int i = 0; i < kJobs; ++i) {
      BuildJob j = job;
      j.person_id = i + 1;
      queue.enqueue(j, {"bench", unix_now_ms()});
    }
    std::string after = "0-0";
    std::vector<BuildResult> results;
    while (static_cast<int>(results.size()) < kJobs && monotonic_ms() - start < 300000)
      for (auto& r : queue.read_results(after, std::chrono::milliseconds(1000)))
        results.push_back(r);
    const double minutes = (monotonic_ms() - start) / 60000.0;
    double wait = 0, build = 0;
    for (const auto& r : results) wait += r.wait_ms, build += r.build_ms;
    const double n = std::max<double>(1, static_cast<double>(results.size()));
    state.counters["builds_per_min"] = static_cast<double>(results.size()) / minutes;
    state.counters["queue_wait_ms"] = wait / n;
    state.counters["build_ms"] = build / n;
    for (pid_t pid : pids) {
      ::kill(pid, SIGTERM);
      ::waitpid(pid, nullptr, 0);
    }
    std::filesystem::remove_all(dir);
  }
}
BENCHMARK(BM_WorkerBuildsPerMinute)
    ->Arg(1)
    ->Arg(2)
    ->Arg(3)
    ->Iterations(1)
    ->UseRealTime()
    ->Unit(benchmark::kSecond);

}  // namespace

BENCHMARK_MAIN();

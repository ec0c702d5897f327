// Streaming benchmark: 32 WebSocket clients on localhost receive pose_updates (one waving person,
// joints + bones) broadcast at 30/s. Reports server CPU (process CPU time minus the clients'
// thread CPU), p95 send latency (broadcast call to client receipt) and disconnects; also the
// encode + post cost of one broadcast_pose call as a Google Benchmark.
#include <benchmark/benchmark.h>
#include <time.h>

#include <algorithm>
#include <atomic>
#include <iostream>
#include <mutex>
#include <thread>

#include "core/clock.hpp"
#include "stream/server.hpp"
#include "support/synthetic_pose.hpp"
#include "support/ws_test_client.hpp"

namespace {

using namespace am;

PoseFrame wave_frame(const BindPose& bind, int i) {
  const Landmarks pose = test::posed_landmarks(bind, test::wave_rotations(i / 45.0));
  std::array<double, 33> confidence;
  confidence.fill(0.9);
  const double now = monotonic_ms();
  return {{{1, true, joints_from_landmarks(pose, confidence), 0.9, now,
            bones_from_rotations(bone_rotations(bind, pose))}}};
}

double cpu_ms(clockid_t clock) {
  timespec ts{};
  clock_gettime(clock, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

void BM_StreamThirtyTwoClients(benchmark::State& state) {
  const int kClients = 32, kRate = 30;
  const BindPose bind = make_bind_pose(test::tpose_mediapipe());
  for (auto _ : state) {
    ServerOptions o;
    o.host = "127.0.0.1";
    o.port = 0;
    StreamServer server(o);
    std::mutex mutex;
    std::vector<double> latencies;
    std::atomic<double> client_cpu = 0.0;
    std::atomic<bool> stop = false;
    std::vector<std::thread> clients;
    for (int c = 0; c < kClients; ++c) {
      clients.emplace_back([&] {
        test::WsClient client(server.port());
        const double cpu0 = cpu_ms(CLOCK_THREAD_CPUTIME_ID);
        std::vector<double> mine;
        while (!stop) {
          const auto doc = nlohmann::json::parse(client.read());
          if (doc["type"] == "pose_update" && !stop)
            mine.push_back(monotonic_ms() - doc["data"]["1"]["timestamp"].get<double>());
        }
        client_cpu = client_cpu + (cpu_ms(CLOCK_THREAD_CPUTIME_ID) - cpu0);
        std::lock_guard lock(mutex);
        latencies.insert(latencies.end(), mine.begin(), mine.end());
      });
    }
    while (server.stats().clients < kClients)
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    const double wall0 = monotonic_ms(), cpu0 = cpu_ms(CLOCK_PROCESS_CPUTIME_ID);
    const int frames = kRate * 5;
    for (int i = 0; i < frames; ++i) {
      server.broadcast_pose(wave_frame(bind, i));
      std::this_thread::sleep_until(std::chrono::steady_clock::time_point(
          std::chrono::duration_cast<std::chrono::steady_clock::duration>(
              std::chrono::duration<double, std::milli>(wall0 + (i + 1) * 1000.0 / kRate))));
    }
    const double wall = monotonic_ms() - wall0, cpu = cpu_ms(CLOCK_PROCESS_CPUTIME_ID) - cpu0;
    const auto disconnects = server.stats().disconnects;
    stop = true;
    server.broadcast_pose(wave_frame(bind, 0));  // wakes every reader
    for (auto& t : clients) t.join();
    std::sort(latencies.begin(), latencies.end());
    const double p95 = latencies.empty() ? 0.0 : latencies[latencies.size() * 95 / 100];
    state.counters["server_cpu_pct"] = 100.0 * (cpu - client_cpu) / wall;
    state.counters["p95_latency_ms"] = p95;
    state.counters["received"] = static_cast<double>(latencies.size());
    state.counters["expected"] = static_cast<double>(frames * kClients);
    state.counters["disconnects"] = static_cast<double>(disconnects);
  }
}
BENCHMARK(BM_StreamThirtyTwoClients)->Iterations(1)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_BroadcastCall(benchmark::State& state) {
  ServerOptions o;
  o.host = "127.0.0.1";
  o.port = 0;
  StreamServer server(o);
  const BindPose bind = make_bind_pose(test::tpose_mediapipe());
  const PoseFrame frame = wave_frame(bind, 3);
  for (auto _ : state) server.broadcast_pose(frame);
}
BENCHMARK(BM_BroadcastCall)->Unit(benchmark::kMicrosecond);

void BM_BoneRotations(benchmark::State& state) {
  const BindPose bind = make_bind_pose(test::tpose_mediapipe());
  const Landmarks pose = test::posed_landmarks(bind, test::wave_rotations(0.3));
  for (auto _ : state) benchmark::DoNotOptimize(bone_rotations(bind, pose));
}
BENCHMARK(BM_BoneRotations)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();

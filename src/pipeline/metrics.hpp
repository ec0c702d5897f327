// The running mirror's numbers: frames, people, avatars built, per-stage timings and the latency
// from frame capture to pose_update sent. Updated from several threads (atomics and LatencyStats),
// rendered as Prometheus text for GET /metrics and as the one-line live status.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

#include "core/latency_stats.hpp"

namespace am {

struct Metrics {
  std::atomic<int64_t> frames{0};
  std::atomic<int64_t> frames_dropped{0};  // newer frame replaced it before perception took it
  std::atomic<int64_t> people{0};          // tracked people in the last frame
  std::atomic<int64_t> avatars_built{0};
  std::atomic<int64_t> avatars_from_cache{0};
  std::atomic<int64_t> avatars_refined{0};
  std::atomic<int64_t> avatar_failures{0};
  std::atomic<int64_t> clients{0};
  // builder.mode redis: 1 while jobs go to the workers through Redis, 0 while Redis is down and
  // this mirror builds itself; -1 in local mode.
  std::atomic<int> builder_redis_online{-1};
  LatencyStats latency_ms{600};  // capture -> pose_update handed to the server
  LatencyStats pose_ms{600};     // pose estimation per frame
  LatencyStats faces_ms{100};    // face detection + embedding, when it runs
  LatencyStats build_ms{50};     // photo -> avatar
  LatencyStats frame_interval_ms{600};

  double fps() const;
  std::string prometheus() const;
  std::string status_line() const;
};

}  // namespace am

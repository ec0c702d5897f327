#include "pipeline/metrics.hpp"

#include <cstdio>
#include <sstream>

namespace am {
namespace {

void gauge(std::ostringstream& out, const char* name, const char* help, double value,
           const char* type = "gauge") {
  out << "# HELP " << name << " " << help << "\n# TYPE " << name << " " << type << "\n"
      << name << " " << value << "\n";
}

void summary(std::ostringstream& out, const char* name, const char* help,
             const LatencyStats& stats) {
  out << "# HELP " << name << " " << help << "\n# TYPE " << name << " summary\n";
  for (double q : {0.5, 0.95, 0.99})
    out << name << "{quantile=\"" << q << "\"} " << stats.percentile(q * 100) << "\n";
  out << name << "_count " << stats.total() << "\n";
}

}  // namespace

double Metrics::fps() const {
  const double interval = frame_interval_ms.percentile(50);
  return interval > 0 ? 1000.0 / interval : 0.0;
}

std::string Metrics::prometheus() const {
  std::ostringstream out;
  gauge(out, "avatar_mirror_frames_total", "frames processed", frames.load(), "counter");
  gauge(out, "avatar_mirror_frames_dropped_total", "frames replaced by newer ones before use",
        frames_dropped.load(), "counter");
  gauge(out, "avatar_mirror_fps", "frames per second (median interval)", fps());
  gauge(out, "avatar_mirror_people", "people tracked now", people.load());
  gauge(out, "avatar_mirror_avatars_built_total", "avatars built", avatars_built.load(), "counter");
  gauge(out, "avatar_mirror_avatars_from_cache_total", "avatars sent from the cache",
        avatars_from_cache.load(), "counter");
  gauge(out, "avatar_mirror_avatars_refined_total",
        "avatar refinements from turned views (avatar_updated)", avatars_refined.load(), "counter");
  gauge(out, "avatar_mirror_avatar_failures_total", "avatar builds that failed",
        avatar_failures.load(), "counter");
  gauge(out, "avatar_mirror_clients", "WebSocket clients connected", clients.load());
  gauge(out, "avatar_mirror_builder_redis_online",
        "1: avatars built by workers through Redis, 0: Redis down, built here, -1: local mode",
        builder_redis_online.load());
  summary(out, "avatar_mirror_latency_ms", "frame capture to pose_update sent", latency_ms);
  summary(out, "avatar_mirror_pose_ms", "pose estimation per frame", pose_ms);
  summary(out, "avatar_mirror_faces_ms", "face detection and embedding", faces_ms);
  summary(out, "avatar_mirror_avatar_build_ms", "photo to avatar", build_ms);
  return out.str();
}

std::string Metrics::status_line() const {
  char line[200];
  std::snprintf(line, sizeof line,
                "%5.1f fps | %lld people | %lld avatars | %lld clients | latency p50 %.0f ms "
                "p95 %.0f ms",
                fps(), static_cast<long long>(people.load()),
                static_cast<long long>(avatars_built.load() + avatars_from_cache.load()),
                static_cast<long long>(clients.load()), latency_ms.percentile(50),
                latency_ms.percentile(95));
  const int online = builder_redis_online.load();
  if (online < 0) return line;
  return std::string(line) +
         (online ? " | builds: workers via Redis" : " | builds: here (Redis down)");
}

}  // namespace am

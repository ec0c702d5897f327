#include <spdlog/spdlog.h>

#include "app/commands.hpp"
#include "app/rate_meter.hpp"
#include "app/settings.hpp"
#include "app/stop_signal.hpp"
#include "core/clock.hpp"
#include "io/frame_source.hpp"

namespace am {
namespace {

std::string source_spec(const Config& cfg, const RunOptions& opts) {
  return opts.source.empty() ? "camera:" + std::to_string(cfg.get_int("camera.device_id"))
                             : opts.source;
}

}  // namespace

int cmd_run(const Config& cfg, const RunOptions& opts) {
  install_stop_handlers();
  auto source = open_source(source_spec(cfg, opts), camera_request(cfg), Pacing::Realtime);
  const SourceInfo& info = source->info();
  spdlog::info("source: {} {} ({}x{} at {:.2f} fps{})", info.kind, info.description, info.width,
               info.height, info.fps,
               info.frame_count >= 0 ? ", " + std::to_string(info.frame_count) + " frames" : "");
  RateMeter meter;
  while (!stop_requested() && (opts.max_frames < 0 || meter.total() < opts.max_frames)) {
    auto frame = source->next();
    if (!frame) break;
    if (auto rate = meter.tick(frame->capture_time_ms))
      spdlog::info("frame rate {:.1f} fps", *rate);
  }
  const double now = monotonic_ms();
  spdlog::info("{}: {} frames read, {:.2f} fps on average",
               stop_requested() ? "stopped by signal" : "end of source", meter.total(),
               meter.overall_rate(now));
  return 0;
}

}  // namespace am

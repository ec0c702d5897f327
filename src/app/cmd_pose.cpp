#include <spdlog/spdlog.h>

#include "app/batch_input.hpp"
#include "app/commands.hpp"
#include "models/registry.hpp"
#include "perception/pose_results.hpp"
#include "perception/pose_tracker.hpp"
#include "pipeline/pipeline_settings.hpp"

namespace am {

int cmd_pose(const Config& cfg, const BatchOptions& opts) {
  PoseTrackerOptions options = pose_options(cfg);
  if (opts.max_persons > 0) options.max_persons = opts.max_persons;
  PoseTracker tracker(models_dir(cfg), options, session_options(cfg));
  BatchInput input(opts);
  const bool video = input.is_sequence();
  std::vector<PoseResults> frames;
  while (auto frame = input.next()) {
    PoseResults result{frame->index, frame->source_time_ms,
                       tracker.process(frame->image, frame->source_time_ms, video)};
    spdlog::info("frame {}: {} person(s)", frame->index, result.persons.size());
    if (input.drawing()) {
      cv::Mat canvas = frame->image.clone();
      draw_pose(canvas, result.persons);
      input.draw(canvas, frame->index);
    }
    frames.push_back(std::move(result));
  }
  input.finish(poses_to_json(opts.input, input.size(), frames));
  return 0;
}

}  // namespace am

#include "app/batch_input.hpp"
#include "app/commands.hpp"
#include "app/pose_output.hpp"
#include "models/registry.hpp"
#include "perception/pose/pose_drawing.hpp"
#include "perception/pose/pose_tracker.hpp"
#include "pipeline/pipeline_settings.hpp"

namespace am {

int cmd_pose(const Config& cfg, const BatchOptions& opts) {
  PoseTrackerOptions options = pose_options(cfg);
  if (opts.max_persons > 0) options.max_persons = opts.max_persons;
  PoseTracker tracker(models_dir(cfg), options, session_options(cfg));
  BatchInput input(opts);
  const bool video = input.is_sequence();
  const std::vector<PoseResults> frames = run_batch<PoseResults>(
      input, {"person(s)",
              [&](const Frame& f) {
                return PoseResults{f.index, f.source_time_ms,
                                   tracker.process(f.image, f.source_time_ms, video)};
              },
              [](const PoseResults& r) { return r.persons.size(); },
              [](cv::Mat& canvas, const PoseResults& r) { draw_pose(canvas, r.persons); }});
  input.finish(poses_to_json(opts.input, input.size(), frames));
  return 0;
}

}  // namespace am

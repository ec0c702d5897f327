#include "app/commands.hpp"
#include "pipeline/pipeline.hpp"

namespace am {

int cmd_run(const Config& cfg, const RunOptions& opts) {
  Pipeline pipeline(cfg, {opts.source, opts.max_frames, opts.loop, opts.record, opts.preview});
  return pipeline.run();
}

}  // namespace am

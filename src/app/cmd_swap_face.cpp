#include <spdlog/spdlog.h>

#include "app/commands.hpp"
#include "app/swap_face_file.hpp"
#include "faceswap/face_map.hpp"
#include "faceswap/face_swapper.hpp"
#include "models/registry.hpp"
#include "pipeline/pipeline_settings.hpp"

namespace am {

int cmd_swap_face(const Config& cfg, const SwapFaceCommand& opts) {
  const auto progress = [](int64_t frames) {
    if (frames % 100 == 0) spdlog::info("{} frames swapped", frames);
  };
  const FaceMap sources = face_map_from(cfg, opts.face_map, opts.source);
  const SwapFileReport report = swap_face_file(models_dir(cfg), sources, opts.target, opts.out,
                                               face_swap_options(cfg), progress, opts.draw_out);
  const double frames = static_cast<double>(std::max<int64_t>(report.frames, 1));
  spdlog::info(
      "{}: {} frame(s), {} face(s) swapped in {:.2f} s ({:.1f} ms detect, {:.1f} ms "
      "landmarks, {:.1f} ms paste per frame)",
      opts.out, report.frames, report.faces, report.seconds, report.detect_ms / frames,
      report.landmarks_ms / frames, report.paste_ms / frames);
  return 0;
}

}  // namespace am

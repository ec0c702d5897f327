#include "app/swap_face_file.hpp"

#include <chrono>
#include <optional>

#include <opencv2/imgcodecs.hpp>

#include "core/error.hpp"
#include "faceswap/source_photos.hpp"
#include "faceswap/swap_drawing.hpp"
#include "io/frame_source.hpp"
#include "io/frame_writer.hpp"

namespace am {

namespace {

void add_frame(SwapFileReport& report, const SwapStats& stats) {
  ++report.frames;
  report.faces += static_cast<int64_t>(stats.faces.size());
  report.detect_ms += stats.detect_ms;
  report.landmarks_ms += stats.landmarks_ms;
  report.paste_ms += stats.paste_ms;
}

}  // namespace

SwapFileReport swap_face_file(const std::filesystem::path& models_dir, const FaceMap& sources,
                              const std::filesystem::path& target, const std::filesystem::path& out,
                              const FaceSwapOptions& options, const SwapProgress& progress,
                              const std::filesystem::path& draw) {
  const auto start = std::chrono::steady_clock::now();
  FaceSwapper swapper(models_dir, options);
  add_sources(swapper, sources);
  const SourceChoice choose = sources.choose();
  const auto frames = open_source(target.string(), {}, Pacing::AsFastAsPossible);
  const double fps = frames->info().fps > 0 ? frames->info().fps : options.frame_rate;
  FrameWriter writer(out, fps);
  std::optional<FrameWriter> drawing;
  if (!draw.empty()) drawing.emplace(draw, fps);
  const bool one_image = frames->info().kind == "image";
  SwapFileReport report;
  while (const auto frame = frames->next()) {
    SwapStats stats;
    const cv::Mat swapped = swapper.swap_at(frame->image, frame->index / fps, &stats, choose);
    writer.write(swapped, frame->index);
    if (drawing) drawing->write(draw_swap(frame->image, swapped, stats, one_image), frame->index);
    add_frame(report, stats);
    if (progress) progress(report.frames);
  }
  writer.finish();
  if (drawing) drawing->finish();
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

}  // namespace am

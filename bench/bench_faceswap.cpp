// Face swap speed at 1280x720 with one face: the face mesh alone, the paste (warp + colour +
// blend) alone, and whole frames in video mode (tracking, detection every N frames) and with a
// detection on every frame; feathered and Poisson (seamlessClone) blending. Models run with 2
// threads. The frame is fr_obama.jpg scaled to 720 px high on a grey 1280x720 canvas.
#include <cstdlib>

#include <benchmark/benchmark.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "core/paths.hpp"
#include "faceswap/face_swapper.hpp"
#include "support/testdata.hpp"

namespace am {
namespace {

std::filesystem::path models_dir() {
  if (const char* d = std::getenv("MODELS_DIR"); d && *d) return d;
  return app_home() / "models";
}

cv::Mat photo(const std::string& name) {
  return cv::imread(test::testdata("faces/" + name).string(), cv::IMREAD_COLOR);
}

cv::Mat frame_720p() {
  const cv::Mat portrait = photo("fr_obama.jpg");
  cv::Mat scaled;
  cv::resize(portrait, scaled, {portrait.cols * 720 / portrait.rows, 720}, 0, 0, cv::INTER_AREA);
  cv::Mat frame(720, 1280, CV_8UC3, cv::Scalar(128, 128, 128));
  scaled.copyTo(frame(cv::Rect((1280 - scaled.cols) / 2, 0, scaled.cols, scaled.rows)));
  return frame;
}

FaceSwapOptions two_threads() {
  FaceSwapOptions options;
  options.session.threads = 2;
  return options;
}

void BM_FaceMesh(benchmark::State& state) {
  const FaceMesh mesh(models_dir() / kFaceMeshModelFile, two_threads().session);
  const cv::Mat frame = frame_720p();
  const FaceRoi roi = roi_from_points(mesh.locate(frame, {{640, 300}, 400, 0}).points);
  for (auto _ : state) benchmark::DoNotOptimize(mesh.locate(frame, roi));
}
BENCHMARK(BM_FaceMesh)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_PasteFace(benchmark::State& state) {
  FaceSwapOptions options = two_threads();
  options.paste.blend = state.range(0) ? BlendMode::Seamless : BlendMode::Feathered;
  FaceSwapper swapper(models_dir(), photo("fr_biden.jpg"), options);
  const cv::Mat frame = frame_720p();
  SwapStats stats;
  swapper.swap(frame, &stats);
  for (auto _ : state) {
    cv::Mat target = frame.clone();
    benchmark::DoNotOptimize(
        paste_face(target, swapper.source(), stats.landmarks.at(0), options.paste));
  }
  state.SetLabel(state.range(0) ? "seamless" : "feathered");
}
BENCHMARK(BM_PasteFace)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime();

// Whole frames; Arg = frames between detections (1 = detect on every frame).
void BM_SwapFrame720p(benchmark::State& state) {
  FaceSwapOptions options = two_threads();
  options.detect_interval = static_cast<int>(state.range(0));
  FaceSwapper swapper(models_dir(), photo("fr_biden.jpg"), options);
  const cv::Mat frame = frame_720p();
  for (auto _ : state) benchmark::DoNotOptimize(swapper.swap(frame));
  state.counters["fps"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_SwapFrame720p)->Arg(1)->Arg(10)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace am

BENCHMARK_MAIN();

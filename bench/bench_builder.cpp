// Photo to .glb (am_builder) on 2 threads (ONNX Runtime intra-op and OpenCV): pose, segmentation,
// reconstruction, skeleton, skin weights and .glb encoding, each stage's mean wall time as a
// counter (ms), and the process's peak resident memory (getrusage ru_maxrss, MB). Two photos:
// full_body/pifuhd_test.png (512x512) and the same person letterboxed small into a 1280x720
// camera frame; both with the segmenter's GrabCut and GuidedFilter edge refinements.
// Models from $MODELS_DIR, else <app_home>/models. Targets: <= 1 s per photo, <= 500 MB.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <memory>
#include <stdexcept>
#include <string>

#include <opencv2/core/utility.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "builder/builder.hpp"
#include "support/models_dir.hpp"
#include "support/testdata.hpp"

namespace {

using namespace am;

const SessionOptions kTwoCores{Device::Cpu, 2};

cv::Mat photo() {
  cv::Mat image =
      cv::imread(test::testdata("full_body/pifuhd_test.png").string(), cv::IMREAD_COLOR);
  if (image.empty()) throw std::runtime_error("cannot read full_body/pifuhd_test.png");
  return image;
}

// The photo scaled to 400 px high, on grey, in the middle of a 1280x720 frame.
cv::Mat camera_frame() {
  cv::Mat small, frame(720, 1280, CV_8UC3, cv::Scalar::all(90));
  cv::resize(photo(), small, {}, 400.0 / 512, 400.0 / 512, cv::INTER_AREA);
  small.copyTo(frame(cv::Rect(440, 160, small.cols, small.rows)));
  return frame;
}

double peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;  // Linux: kilobytes
}

void photo_to_glb(benchmark::State& state, const cv::Mat& image, EdgeRefinement refinement) {
  cv::setNumThreads(2);
  static const auto segmenter = std::make_unique<Segmenter>(test::models_dir(), kTwoCores);
  static const auto pose =
      std::make_unique<PoseTracker>(test::models_dir(), PoseTrackerOptions{}, kTwoCores);
  builder::BuildOptions options;
  options.segment.refinement = refinement;
  builder::StageTimings sum;
  builder::BuildReport last;
  for (auto _ : state) {
    last = builder::build_avatar(image, *pose, *segmenter, options).report;
    const builder::StageTimings& t = last.timings;
    sum.pose_ms += t.pose_ms, sum.segment_ms += t.segment_ms;
    sum.reconstruct_ms += t.reconstruct_ms, sum.skeleton_ms += t.skeleton_ms;
    sum.weights_ms += t.weights_ms, sum.export_ms += t.export_ms;
  }
  const double n = static_cast<double>(state.iterations());
  state.counters["pose_ms"] = sum.pose_ms / n;
  state.counters["segment_ms"] = sum.segment_ms / n;
  state.counters["reconstruct_ms"] = sum.reconstruct_ms / n;
  state.counters["skeleton_ms"] = sum.skeleton_ms / n;
  state.counters["weights_ms"] = sum.weights_ms / n;
  state.counters["export_ms"] = sum.export_ms / n;
  state.counters["total_ms"] = sum.total_ms() / n;
  state.counters["vertices"] = static_cast<double>(last.vertices);
  state.counters["silhouette_iou"] = last.silhouette_iou;
  state.counters["peak_rss_MB"] = peak_rss_mb();
}

void BM_PhotoToGlb_GrabCut(benchmark::State& state) {
  photo_to_glb(state, photo(), EdgeRefinement::GrabCut);
}
void BM_PhotoToGlb_GuidedFilter(benchmark::State& state) {
  photo_to_glb(state, photo(), EdgeRefinement::GuidedFilter);
}
void BM_CameraFrameToGlb_GrabCut(benchmark::State& state) {
  photo_to_glb(state, camera_frame(), EdgeRefinement::GrabCut);
}
void BM_CameraFrameToGlb_GuidedFilter(benchmark::State& state) {
  photo_to_glb(state, camera_frame(), EdgeRefinement::GuidedFilter);
}

BENCHMARK(BM_PhotoToGlb_GrabCut)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(3.0);
BENCHMARK(BM_PhotoToGlb_GuidedFilter)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(3.0);
BENCHMARK(BM_CameraFrameToGlb_GrabCut)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(3.0);
BENCHMARK(BM_CameraFrameToGlb_GuidedFilter)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->MinTime(3.0);

}  // namespace

BENCHMARK_MAIN();

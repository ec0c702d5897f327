// What re-identification adds to each frame of `run`, on the CPU (default session options), on the
// first frame of video/mmhuman3d_single_person.mp4 (1080x1920, one man): BlazePose with and
// without the segmentation mask (the mask is what the body appearance needs), the body
// appearance of the man (describe_body), one face sample (head crop, face boxes, 68 points,
// embedding) and BlazeFace full range on his head region. Models from $MODELS_DIR, else
// <app_home>/models.
#include <benchmark/benchmark.h>

#include <stdexcept>

#include <opencv2/videoio.hpp>

#include "perception/pose/pose_tracker.hpp"
#include "pipeline/conversions.hpp"
#include "pipeline/person_evidence.hpp"
#include "support/models_dir.hpp"
#include "support/testdata.hpp"

namespace {

using namespace am;

const cv::Mat& frame() {
  static const cv::Mat image = [] {
    cv::VideoCapture video(test::testdata("video/mmhuman3d_single_person.mp4").string());
    cv::Mat first;
    if (!video.read(first)) throw std::runtime_error("cannot read mmhuman3d_single_person.mp4");
    return first;
  }();
  return image;
}

const PoseObservation& person() {
  static const PoseObservation p = [] {
    PoseTrackerOptions options;
    options.with_mask = true;
    PoseTracker tracker(test::models_dir(), options);
    const auto found = tracker.process(frame(), 0, false);
    if (found.empty()) throw std::runtime_error("no person in the first frame");
    return found.front();
  }();
  return p;
}

void pose(benchmark::State& state, bool with_mask) {
  PoseTrackerOptions options;
  options.with_mask = with_mask;
  PoseTracker tracker(test::models_dir(), options);
  double t = 0;
  for (auto _ : state) benchmark::DoNotOptimize(tracker.process(frame(), t += 83, true));
}

void BM_PoseWithoutMask(benchmark::State& state) { pose(state, false); }
void BM_PoseWithMask(benchmark::State& state) { pose(state, true); }

void BM_BodyAppearance(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(body_appearance(frame(), person()));
}

void BM_FaceSample(benchmark::State& state) {
  static const FaceDetector faces(test::models_dir());
  static const FaceEmbedder embedder(test::models_dir() / kFaceFeatureModelFile);
  for (auto _ : state) benchmark::DoNotOptimize(face_sample(frame(), person(), faces, embedder));
}

// BlazeFace full range on the man's head region (what face_sample() runs when UltraFace finds
// nothing there).
void BM_BlazeFaceOnTheHead(benchmark::State& state) {
  static const BlazeFaceDetector far_faces(test::models_dir());
  const cv::Mat head = frame()(head_region(person(), frame().size()));
  for (auto _ : state) benchmark::DoNotOptimize(far_faces.detect(head));
}

BENCHMARK(BM_PoseWithoutMask)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_PoseWithMask)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_BodyAppearance)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_FaceSample)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_BlazeFaceOnTheHead)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();

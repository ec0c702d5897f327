// BlazePose frames per second on 1280x720 video, 2 intra-op threads on the CPU, smoothing on:
// one person (video/mmhuman3d_single_person.mp4, portrait, letterboxed into 1280x720) and a
// street with several people (video/openpose_street.mp4, native 1280x720, max 3 persons).
// Also the two networks alone. Frames are decoded up front; items/s = frames per second (wall).
// Models from $MODELS_DIR, else <app_home>/models.
#include <benchmark/benchmark.h>

#include <stdexcept>
#include <string>
#include <vector>

#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include "perception/common/rotated_roi.hpp"
#include "perception/pose/pose_tracker.hpp"
#include "support/models_dir.hpp"
#include "support/testdata.hpp"

namespace {

using namespace am;

const SessionOptions kTwoCores{Device::Cpu, 2};

// The video's first max_frames frames, letterboxed into 1280x720.
std::vector<cv::Mat> frames_720p(const std::string& video_name, int max_frames) {
  cv::VideoCapture video(test::testdata(video_name).string());
  if (!video.isOpened()) throw std::runtime_error("cannot open " + video_name);
  std::vector<cv::Mat> frames;
  for (cv::Mat frame; static_cast<int>(frames.size()) < max_frames && video.read(frame);) {
    const double scale = std::min(1280.0 / frame.cols, 720.0 / frame.rows);
    cv::Mat resized, canvas(720, 1280, CV_8UC3, cv::Scalar::all(0));
    cv::resize(frame, resized, {}, scale, scale, cv::INTER_AREA);
    resized.copyTo(canvas(
        cv::Rect((1280 - resized.cols) / 2, (720 - resized.rows) / 2, resized.cols, resized.rows)));
    frames.push_back(canvas);
  }
  return frames;
}

void run_video(benchmark::State& state, const std::vector<cv::Mat>& frames, int max_persons,
               double fps) {
  PoseTrackerOptions options;
  options.max_persons = max_persons;
  PoseTracker tracker(test::models_dir(), options, kTwoCores);
  std::size_t i = 0, persons = 0;
  for (auto _ : state) {
    const auto found = tracker.process(frames[i % frames.size()], 1000.0 * i / fps, true);
    persons += found.size();
    ++i;
  }
  state.SetItemsProcessed(static_cast<int64_t>(i));
  state.counters["persons_per_frame"] = static_cast<double>(persons) / std::max<std::size_t>(1, i);
}

void BM_PoseVideoOnePerson(benchmark::State& state) {
  static const auto frames = frames_720p("video/mmhuman3d_single_person.mp4", 40);
  run_video(state, frames, 4, 12);
}
BENCHMARK(BM_PoseVideoOnePerson)->UseRealTime()->Unit(benchmark::kMillisecond)->MinTime(5.0);

void BM_PoseVideoStreet3Persons(benchmark::State& state) {
  static const auto frames = frames_720p("video/openpose_street.mp4", 60);
  run_video(state, frames, 3, 50);
}
BENCHMARK(BM_PoseVideoStreet3Persons)->UseRealTime()->Unit(benchmark::kMillisecond)->MinTime(5.0);

void BM_PoseDetector(benchmark::State& state) {
  static const auto frames = frames_720p("video/mmhuman3d_single_person.mp4", 1);
  const PoseDetector detector(test::models_dir() / kPoseDetectionModelFile, kTwoCores);
  for (auto _ : state) benchmark::DoNotOptimize(detector.detect(frames[0]));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_PoseDetector)->UseRealTime()->Unit(benchmark::kMillisecond);

void BM_PoseLandmarks(benchmark::State& state) {
  static const auto frames = frames_720p("video/mmhuman3d_single_person.mp4", 1);
  const auto complexity = static_cast<PoseComplexity>(state.range(0));
  const PoseLandmarker landmarker(test::models_dir() / pose_landmark_model_file(complexity),
                                  kTwoCores);
  const RotatedRoi roi{{640, 360}, 700, 700, 0};
  for (auto _ : state) benchmark::DoNotOptimize(landmarker.estimate(frames[0], roi, false));
  state.SetItemsProcessed(state.iterations());
  state.SetLabel(pose_landmark_model_file(complexity));
}
BENCHMARK(BM_PoseLandmarks)->Arg(0)->Arg(1)->Arg(2)->UseRealTime()->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();

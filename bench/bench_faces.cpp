// Face perception per 1280x720 frame (fr_two_people.jpg stretched to 1280x720: two faces), on the
// CPU with the default thread count: face boxes (fr_detect + NMS), 68 landmarks for one face,
// one embedding (alignment + fr_feature), and the whole FaceDetector (boxes + landmarks for
// every face). Models from $MODELS_DIR, else <app_home>/models.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <stdexcept>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "core/paths.hpp"
#include "perception/face/face_detector.hpp"
#include "perception/face/face_embedder.hpp"
#include "support/testdata.hpp"

namespace {

using namespace am;

std::filesystem::path models_dir() {
  if (const char* d = std::getenv("MODELS_DIR"); d && *d) return d;
  return app_home() / "models";
}

const cv::Mat& frame_720p() {
  static const cv::Mat frame = [] {
    const cv::Mat photo = cv::imread(test::testdata("faces/fr_two_people.jpg").string());
    if (photo.empty()) throw std::runtime_error("cannot read faces/fr_two_people.jpg");
    cv::Mat resized;
    cv::resize(photo, resized, {1280, 720});
    return resized;
  }();
  return frame;
}

const FaceDetector& detector() {
  static const FaceDetector d(models_dir());
  return d;
}

void BM_FaceBoxes(benchmark::State& state) {
  const FaceBoxDetector boxes(models_dir() / kFaceDetectModelFile);
  for (auto _ : state) benchmark::DoNotOptimize(boxes.detect(frame_720p()));
}

void BM_FaceLandmarksOneFace(benchmark::State& state) {
  const FaceLandmarker landmarker(models_dir() / kFaceLandmarkModelFile);
  const cv::Rect2f box = detector().detect(frame_720p()).at(0).box;
  for (auto _ : state) benchmark::DoNotOptimize(landmarker.locate(frame_720p(), box));
}

void BM_FaceEmbeddingOneFace(benchmark::State& state) {
  const FaceEmbedder embedder(models_dir() / kFaceFeatureModelFile);
  const FivePoints points = detector().detect(frame_720p()).at(0).keypoints;
  for (auto _ : state) benchmark::DoNotOptimize(embedder.embed(frame_720p(), points));
}

void BM_FaceDetectorTwoFaces(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(detector().detect(frame_720p()));
}

}  // namespace

BENCHMARK(BM_FaceBoxes)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FaceLandmarksOneFace)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FaceEmbeddingOneFace)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FaceDetectorTwoFaces)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();

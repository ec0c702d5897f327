// Face swap speed at 1280x720: the face mesh alone, the paste (warp + colour + shading + blend,
// mouth and eyes kept) alone, and whole frames with one and with three faces in video mode
// (tracking, detection every 10 frames) and with a detection on every frame; feathered and Poisson
// (seamlessClone) blending. Models run with 2 threads. One face: fr_obama.jpg scaled to 720 px
// high on a grey 1280x720 canvas; three faces: the faces of fr_obama, fr_biden and
// 300w_indoor_020 (fr_detect's box, padded) side by side, each 400 px high. Also the occluder
// mask `run` draws from the body pose per frame: three people, both hands seen, at 720p.
#include <algorithm>
#include <cstdlib>

#include <benchmark/benchmark.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "core/paths.hpp"
#include "faceswap/face_swapper.hpp"
#include "faceswap/pose_face_parts.hpp"
#include "perception/face/face_box_detector.hpp"
#include "perception/face/face_detector.hpp"
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

// The largest face of a test photo with a margin around it, scaled to `height` px.
cv::Mat face_crop(const std::string& name, int height) {
  const cv::Mat image = photo(name);
  const FaceBoxDetector boxes(models_dir() / kFaceDetectModelFile);
  const auto found = boxes.detect(image);
  const auto largest =
      std::max_element(found.begin(), found.end(),
                       [](const auto& a, const auto& b) { return a.box.area() < b.box.area(); });
  const cv::Rect2f b = largest->box;
  const float side = 1.6f * std::max(b.width, b.height);
  const cv::Rect crop = cv::Rect(cv::Rect2f(b.x + b.width / 2 - side / 2,
                                            b.y + b.height / 2 - side / 2, side, side)) &
                        cv::Rect({0, 0}, image.size());
  cv::Mat scaled;
  cv::resize(image(crop), scaled, {crop.width * height / crop.height, height}, 0, 0,
             cv::INTER_AREA);
  return scaled;
}

cv::Mat three_faces_720p() {
  cv::Mat frame(720, 1280, CV_8UC3, cv::Scalar(128, 128, 128));
  int x = 10;
  for (const char* name : {"fr_obama.jpg", "fr_biden.jpg", "300w_indoor_020.png"}) {
    const cv::Mat face = face_crop(name, 400);
    const int width = std::min(face.cols, 420);
    face(cv::Rect(0, 0, width, face.rows)).copyTo(frame(cv::Rect(x, 160, width, face.rows)));
    x += 425;
  }
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

// The mesh the swapper runs (refined lips, eyes and irises).
void BM_FaceMeshWithAttention(benchmark::State& state) {
  const FaceMesh mesh = attention_face_mesh(models_dir(), two_threads().session);
  const cv::Mat frame = frame_720p();
  const FaceRoi roi = roi_from_points(mesh.locate(frame, {{640, 300}, 400, 0}).points);
  for (auto _ : state) benchmark::DoNotOptimize(mesh.locate(frame, roi));
}
BENCHMARK(BM_FaceMeshWithAttention)->Unit(benchmark::kMillisecond)->UseRealTime();

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

// Whole frames; Args = frames between detections (1 = detect on every frame), faces (1 or 3).
void BM_SwapFrame720p(benchmark::State& state) {
  FaceSwapOptions options = two_threads();
  options.detect_interval = static_cast<int>(state.range(0));
  FaceSwapper swapper(models_dir(), photo("fr_biden.jpg"), options);
  const cv::Mat frame = state.range(1) == 3 ? three_faces_720p() : frame_720p();
  SwapStats stats;
  swapper.swap(frame, &stats);
  if (stats.faces.size() != static_cast<std::size_t>(state.range(1)))
    state.SkipWithError("the frame does not hold the expected number of faces");
  for (auto _ : state) benchmark::DoNotOptimize(swapper.swap(frame));
  state.counters["fps"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  state.counters["faces"] = static_cast<double>(stats.faces.size());
}
BENCHMARK(BM_SwapFrame720p)
    ->ArgNames({"detect_every", "faces"})
    ->Args({1, 1})
    ->Args({10, 1})
    ->Args({1, 3})
    ->Args({10, 3})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// Three people side by side, each with both hands (wrist, pinky, index, thumb) seen.
std::vector<PoseLandmarks> three_people_with_hands() {
  std::vector<PoseLandmarks> people(3);
  for (std::size_t p = 0; p < people.size(); ++p)
    for (int s = 0; s < 2; ++s) {
      const float x = 200.0f + 400.0f * static_cast<float>(p) + 160.0f * static_cast<float>(s);
      const Landmark wrist = side(lm::kLeftWrist, s), pinky = side(lm::kLeftPinky, s);
      const Landmark index = side(lm::kLeftIndex, s), thumb = side(lm::kLeftThumb, s);
      people[p][wrist] = {x, 500, 0, 0.9f, 1};
      people[p][pinky] = {x + 10, 430, 0, 0.9f, 1};
      people[p][index] = {x + 30, 425, 0, 0.9f, 1};
      people[p][thumb] = {x + 45, 455, 0, 0.9f, 1};
    }
  return people;
}

void BM_HandOccluderMask720p(benchmark::State& state) {
  const std::vector<PoseLandmarks> people = three_people_with_hands();
  for (auto _ : state) benchmark::DoNotOptimize(hand_occluder_mask(people, {1280, 720}));
}
BENCHMARK(BM_HandOccluderMask720p)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace am

BENCHMARK_MAIN();

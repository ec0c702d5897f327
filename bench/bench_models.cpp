// Latency of every converted model in ONNX Runtime on the CPU, with 1 and 2 threads.
// Reports Google Benchmark's mean plus p50/p95 counters (ms) from per-run timings.
#include <algorithm>
#include <chrono>
#include <random>

#include <benchmark/benchmark.h>

#include "core/paths.hpp"
#include "infer/onnx_model.hpp"

namespace am {
namespace {

struct ModelInterface {
  const char* name;
  std::vector<TensorSpec> inputs;
  std::vector<TensorSpec> outputs;
};

const std::vector<ModelInterface>& interfaces() {
  static const std::vector<TensorSpec> pose_landmark_outputs = {{"Identity", {1, 195}},
                                                                {"Identity_1", {1, 1}},
                                                                {"Identity_2", {1, 256, 256, 1}},
                                                                {"Identity_3", {1, 64, 64, 39}},
                                                                {"Identity_4", {1, 117}}};
  static const std::vector<ModelInterface> all = {
      {"pose_detection",
       {{"input_1", {1, 224, 224, 3}}},
       {{"Identity", {1, 2254, 12}}, {"Identity_1", {1, 2254, 1}}}},
      {"pose_landmark_lite", {{"input_1", {1, 256, 256, 3}}}, pose_landmark_outputs},
      {"pose_landmark_full", {{"input_1", {1, 256, 256, 3}}}, pose_landmark_outputs},
      {"pose_landmark_heavy", {{"input_1", {1, 256, 256, 3}}}, pose_landmark_outputs},
      {"selfie_segmentation",
       {{"input_1", {1, 256, 256, 3}}},
       {{"activation_10", {1, 256, 256, 1}}}},
      {"face_detection_short_range",
       {{"input", {1, 128, 128, 3}}},
       {{"regressors", {1, 896, 16}}, {"classificators", {1, 896, 1}}}},
      {"face_landmark",
       {{"input_1", {1, 192, 192, 3}}},
       {{"conv2d_21", {1, 1, 1, 1404}}, {"conv2d_31", {1, 1, 1, 1}}}},
      {"fr_detect",
       {{"input", {1, 3, 240, 320}}},
       {{"scores", {1, 4420, 2}}, {"boxes", {1, 4420, 4}}}},
      {"fr_feature", {{"input", {1, 3, 112, 112}}}, {{"output", {1, 512}}}},
  };
  return all;
}

void run_model(benchmark::State& state, const ModelInterface& m) {
  const auto dir = app_home() / "models";
  const std::string file = std::string(m.name) + ".onnx";
  SessionOptions options{Device::Cpu, static_cast<int>(state.range(0))};
  std::unique_ptr<OnnxModel> model;
  try {
    model = std::make_unique<OnnxModel>(dir / file, m.name, m.inputs, m.outputs, options);
  } catch (const std::exception& e) {
    state.SkipWithError(e.what());
    return;
  }
  Tensor input{m.inputs[0].shape, std::vector<float>(element_count(m.inputs[0].shape))};
  std::mt19937 rng(7);
  std::uniform_real_distribution<float> dist(0.f, 1.f);
  for (auto& v : input.data) v = dist(rng);
  std::vector<double> ms;
  for (auto _ : state) {
    const auto t0 = std::chrono::steady_clock::now();
    benchmark::DoNotOptimize(model->run({input}));
    ms.push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(ms.begin(), ms.end());
  state.counters["p50_ms"] = ms[ms.size() / 2];
  state.counters["p95_ms"] = ms[std::min(ms.size() - 1, ms.size() * 95 / 100)];
}

int register_all() {
  for (const auto& m : interfaces())
    benchmark::RegisterBenchmark((std::string("model/") + m.name).c_str(),
                                 [&m](benchmark::State& s) { run_model(s, m); })
        ->Arg(1)
        ->Arg(2)
        ->ArgName("threads")
        ->Unit(benchmark::kMillisecond)
        ->MinTime(1.0);
  return 0;
}

const int registered = register_all();

}  // namespace
}  // namespace am

BENCHMARK_MAIN();

// Avatar builder stages on a synthetic 512 x 512 person: reconstruction, rigging + heat
// diffusion weights, .glb encoding, and the whole photo-to-.glb path. Counters: vertex and
// face counts, and the process's peak resident memory (MB) after the stage.
#include <benchmark/benchmark.h>

#include <sys/resource.h>

#include "avatar/gltf_writer.hpp"
#include "avatar/reconstruct.hpp"
#include "avatar/silhouette_visibility.hpp"
#include "avatar/skeleton.hpp"
#include "avatar/skin_weights.hpp"
#include "unit/avatar/synthetic_person.hpp"

namespace {

using namespace am;

double peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

struct Rigged {
  avatar::Reconstruction rec;
  BindPose skeleton;
  avatar::SkinWeights weights;
};

avatar::SkinWeights rig_weights(const avatar::Reconstruction& rec, const BindPose& s) {
  avatar::SkinWeightOptions options;
  options.visible = avatar::silhouette_visibility(rec.binary_mask, rec.frame);
  return avatar::compute_skin_weights(rec.mesh, s, options);
}

Rigged build(const avatar::PersonView& view) {
  Rigged r;
  r.rec = avatar::reconstruct(view);
  r.skeleton = avatar::build_skeleton(view.world, r.rec.frame);
  r.weights = rig_weights(r.rec, r.skeleton);
  return r;
}

void report(benchmark::State& state, const avatar::Mesh& mesh) {
  state.counters["vertices"] = static_cast<double>(mesh.V.rows());
  state.counters["faces"] = static_cast<double>(mesh.F.rows());
  state.counters["peak_rss_mb"] = peak_rss_mb();
}

void BM_Reconstruct(benchmark::State& state) {
  const auto person = test::make_synthetic_person(512);
  avatar::Reconstruction rec;
  for (auto _ : state) benchmark::DoNotOptimize(rec = avatar::reconstruct(person.view));
  report(state, rec.mesh);
}

void BM_RigAndSkinWeights(benchmark::State& state) {
  const auto person = test::make_synthetic_person(512);
  const auto rec = avatar::reconstruct(person.view);
  for (auto _ : state) {
    const auto skeleton = avatar::build_skeleton(person.view.world, rec.frame);
    benchmark::DoNotOptimize(rig_weights(rec, skeleton));
  }
  report(state, rec.mesh);
}

void BM_ExportGlb(benchmark::State& state) {
  const auto person = test::make_synthetic_person(512);
  const Rigged r = build(person.view);
  size_t bytes = 0;
  for (auto _ : state) bytes = avatar::encode_glb(r.rec.mesh, r.skeleton, r.weights).size();
  state.counters["glb_kb"] = static_cast<double>(bytes) / 1024.0;
  report(state, r.rec.mesh);
}

void BM_PhotoToGlb(benchmark::State& state) {
  const auto person = test::make_synthetic_person(512);
  avatar::Mesh mesh;
  for (auto _ : state) {
    const Rigged r = build(person.view);
    benchmark::DoNotOptimize(avatar::encode_glb(r.rec.mesh, r.skeleton, r.weights));
    mesh = r.rec.mesh;
  }
  report(state, mesh);
}

BENCHMARK(BM_Reconstruct)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RigAndSkinWeights)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ExportGlb)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PhotoToGlb)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();

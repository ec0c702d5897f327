// Converts every MediaPipe model the project uses, runs the ONNX result in ONNX Runtime and the
// original .tflite in Google's LiteRT.js on a synthetic pattern and a real photo, and requires
// max |ours - Google's| <= 1e-3 * max |Google's| for every output tensor.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "convert/convert.hpp"
#include "core/paths.hpp"
#include "infer/onnx_model.hpp"
#include "model_inputs.hpp"
#include "oracle.hpp"
#include "support/testdata.hpp"

namespace am {
namespace {

struct ModelCase {
  std::string name;
  test::ValueRange range;  // MediaPipe's input normalization for this model
  std::string photo;       // under ../shared/testdata
};

constexpr test::ValueRange kUnit{0.0f, 1.0f};
constexpr test::ValueRange kSigned{-1.0f, 1.0f};

const std::vector<ModelCase> kModels = {
    {"pose_landmark_full", kUnit, "full_body/tfex_yoga_tree_pose.jpeg"},
    {"pose_detection", kSigned, "full_body/tfex_yoga_tree_pose.jpeg"},
    {"pose_landmark_lite", kUnit, "full_body/sith_002.png"},
    {"pose_landmark_heavy", kUnit, "keypoints/tfex_businessman.jpg"},
    {"selfie_segmentation", kUnit, "segmentation/rembg_girl-1.jpg"},
    {"selfie_segmentation_landscape", kUnit, "segmentation/bgm_0001_img.png"},
    {"face_detection_short_range", kSigned, "faces/fr_obama.jpg"},
    {"face_detection_full_range", kSigned, "faces/fr_two_people.jpg"},
    {"face_landmark", kUnit, "faces/fr_biden.jpg"},
    {"mobilefacenet", kSigned, "faces/fr_obama3.jpg"},
};

std::vector<TensorSpec> specs(const std::vector<ConvertedTensor>& tensors) {
  std::vector<TensorSpec> out;
  for (const auto& t : tensors) out.push_back({t.name, t.shape});
  return out;
}

// max |ours - reference| / max |reference| (the absolute difference when the reference is all 0).
double relative_error(const Tensor& ours, const Tensor& reference) {
  double diff = 0.0, scale = 0.0;
  for (size_t i = 0; i < reference.data.size(); ++i) {
    diff = std::max(diff, static_cast<double>(std::fabs(ours.data[i] - reference.data[i])));
    scale = std::max(scale, static_cast<double>(std::fabs(reference.data[i])));
  }
  return scale > 0.0 ? diff / scale : diff;
}

class ConvertedModel : public ::testing::TestWithParam<ModelCase> {};

TEST_P(ConvertedModel, MatchesLiteRt) {
  const ModelCase& c = GetParam();
  const auto models_dir = app_home() / "models";
  if (!std::filesystem::is_directory(models_dir)) {
    GTEST_SKIP() << "no models folder " << models_dir << ": run 'avatar-mirror models fetch'";
  }
  const auto tflite = models_dir / (c.name + ".tflite");
  ASSERT_TRUE(std::filesystem::exists(tflite))
      << tflite << " missing: run 'avatar-mirror models fetch'";

  const auto work = test::scratch_dir("convert_" + c.name);
  const auto onnx_path = work / (c.name + ".onnx");
  const ConvertReport report = convert_tflite_to_onnx(tflite, onnx_path);
  ASSERT_EQ(report.inputs.size(), 1u);
  const OnnxModel model(onnx_path, c.name, specs(report.inputs), specs(report.outputs),
                        SessionOptions{Device::Cpu, 0});

  const std::vector<std::pair<std::string, Tensor>> inputs = {
      {"pattern", test::pattern_input(report.inputs[0].shape, c.range)},
      {"photo", test::photo_input(test::testdata(c.photo), report.inputs[0].shape, c.range)}};
  std::vector<std::vector<Tensor>> runs;
  for (const auto& [label, tensor] : inputs) runs.push_back({tensor});
  const auto google = test::run_litert(tflite, runs, work);

  for (size_t r = 0; r < runs.size(); ++r) {
    const auto ours = model.run(runs[r]);
    ASSERT_EQ(ours.size(), google[r].tensors.size());
    for (size_t o = 0; o < ours.size(); ++o) {
      const Tensor& reference = google[r].tensors[o];
      EXPECT_EQ(google[r].names[o], report.outputs[o].name) << "output order or name differs";
      ASSERT_EQ(ours[o].data.size(), reference.data.size()) << report.outputs[o].name;
      const double err = relative_error(ours[o], reference);
      std::printf("[convert] %-30s %-8s %-28s max rel err %.3g (converted in %.2f s)\n",
                  c.name.c_str(), inputs[r].first.c_str(), report.outputs[o].name.c_str(), err,
                  report.seconds);
      EXPECT_LE(err, 1e-3) << c.name << " output " << report.outputs[o].name << " on "
                           << inputs[r].first;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(MediaPipe, ConvertedModel, ::testing::ValuesIn(kModels),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace am

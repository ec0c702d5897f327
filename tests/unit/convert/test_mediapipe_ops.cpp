// MediaPipe's custom operators as the converter lowers them, run in ONNX Runtime on tiny models
// with hand-computed expectations (version 2 semantics: mediapipe/util/tflite/operations).
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include <flatbuffers/flexbuffers.h>
#include <gtest/gtest.h>

#include "convert/convert.hpp"
#include "infer/onnx_model.hpp"
#include "support/testdata.hpp"
#include "tiny_tflite.hpp"

namespace am {
namespace {

using test::TinyOp;
using test::TinyTensor;

constexpr int32_t kCustom = 32;

// Converts the model and loads it with the interface the converter reports.
OnnxModel converted(const std::filesystem::path& tflite) {
  auto onnx = tflite;
  onnx.replace_extension(".onnx");
  const ConvertReport report = convert_tflite_to_onnx(tflite, onnx);
  std::vector<TensorSpec> ins, outs;
  for (const auto& t : report.inputs) ins.push_back({t.name, t.shape});
  for (const auto& t : report.outputs) outs.push_back({t.name, t.shape});
  return OnnxModel(onnx, tflite.stem().string(), ins, outs, SessionOptions{Device::Cpu, 1});
}

Tensor matrix(const std::vector<float>& two_rows) {
  std::vector<float> m = two_rows;
  m.insert(m.end(), {0, 0, 1, 0, 0, 0, 0, 1});
  return {{1, 4, 4}, m};
}

TEST(MediaPipeOps, TransformLandmarksMovesXYByTheMatrixAndKeepsZ) {
  const auto dir = test::scratch_dir("convert_transform_landmarks");
  TinyOp op{kCustom, "TransformLandmarks", 2, {}, {0, 1}, {2}};
  const OnnxModel model = converted(test::write_model(
      dir / "transform_landmarks.tflite",
      {{"landmarks", {1, 3, 3}}, {"matrix", {1, 4, 4}}, {"moved", {1, 3, 3}}}, op, {0, 1}, {2}));
  // Column 2 (7, 9) multiplies z = 0 in MediaPipe's kernel: it must not count.
  const Tensor m = matrix({2, 0.5f, 7, 10, -1, 3, 9, 20});
  const Tensor landmarks{{1, 3, 3}, {1, 2, 5, 0, 0, -1, -3, 4, 0.5f}};
  const std::vector<Tensor> out = model.run({landmarks, m});
  const std::vector<float> expected = {13, 25, 5, 10, 20, -1, 6, 35, 0.5f};
  ASSERT_EQ(out[0].data.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) EXPECT_NEAR(out[0].data[i], expected[i], 1e-5);
}

// Input value 10 y + x at row y, column x of a 4 x 4 one-channel image.
Tensor ramp() {
  Tensor t{{1, 4, 4, 1}, {}};
  for (int y = 0; y < 4; ++y)
    for (int x = 0; x < 4; ++x) t.data.push_back(static_cast<float>(10 * y + x));
  return t;
}

TEST(MediaPipeOps, TransformTensorBilinearSamplesPixelCentresAndZeroesOutside) {
  const auto dir = test::scratch_dir("convert_transform_tensor");
  TinyOp op{kCustom, "TransformTensorBilinear", 2, {}, {0, 1}, {2}};
  const OnnxModel model = converted(
      test::write_model(dir / "transform_tensor.tflite",
                        {{"features", {1, 4, 4, 1}}, {"matrix", {1, 4, 4}}, {"crop", {1, 3, 3, 1}}},
                        op, {0, 1}, {2}));
  // Identity: each output pixel reads the same input pixel.
  std::vector<float> out = model.run({ramp(), matrix({1, 0, 0, 0, 0, 1, 0, 0})})[0].data;
  for (int y = 0; y < 3; ++y)
    for (int x = 0; x < 3; ++x) EXPECT_NEAR(out[3 * y + x], 10 * y + x, 1e-5) << x << ", " << y;
  // Moved one pixel down: row y reads row y + 1.
  out = model.run({ramp(), matrix({1, 0, 0, 0, 0, 1, 0, 1})})[0].data;
  for (int y = 0; y < 3; ++y)
    for (int x = 0; x < 3; ++x) EXPECT_NEAR(out[3 * y + x], 10 * (y + 1) + x, 1e-5);
  // x scaled by 2 about pixel centres: column x reads 2 (x + 0.5) - 0.5 = 2 x + 0.5, and 4.5 is
  // past the last column (3): 0.
  out = model.run({ramp(), matrix({2, 0, 0, 0, 0, 1, 0, 0})})[0].data;
  for (int y = 0; y < 3; ++y) {
    EXPECT_NEAR(out[3 * y + 0], 10 * y + 0.5f, 1e-5);
    EXPECT_NEAR(out[3 * y + 1], 10 * y + 2.5f, 1e-5);
    EXPECT_EQ(out[3 * y + 2], 0.0f);
  }
}

std::vector<uint8_t> crop_options(const std::vector<int>& subset) {
  flexbuffers::Builder b;
  b.Map([&] {
    b.Int("left_rotation_idx", 0);
    b.Int("right_rotation_idx", 1);
    b.Float("target_rotation_radians", 0.0f);
    b.Int("output_width", 16);
    b.Int("output_height", 16);
    b.Float("scale_x", 1.5f);
    b.Float("scale_y", 1.5f);
    b.TypedVector("subset_idxs", [&] {
      for (int i : subset) b.Int(i);
    });
  });
  b.Finish();
  return b.GetBuffer();
}

TEST(MediaPipeOps, Landmarks2TransformMatrixFramesTheTurnedBoxOfTheSubset) {
  const auto dir = test::scratch_dir("convert_landmarks_matrix");
  TinyOp op{kCustom, "Landmarks2TransformMatrix", 2, crop_options({0, 1, 2, 3}), {0}, {1}};
  const OnnxModel model =
      converted(test::write_model(dir / "landmarks_matrix.tflite",
                                  {{"landmarks", {1, 5, 3}}, {"matrix", {1, 4, 4}}}, op, {0}, {1}));
  // A 20 x 10 box turned by 30 degrees about (100, 50), corners 0 -> 1 along its long side; point
  // 4 lies outside it but is not in the subset.
  const float a = 0.5235988f, c = std::cos(a), s = std::sin(a);
  const float cx = 100, cy = 50;
  Tensor landmarks{{1, 5, 3}, {}};
  for (const auto [along, across] : {std::pair{-10, -5}, {10, -5}, {10, 5}, {-10, 5}}) {
    // centre + along * (c, s) + across * (-s, c), z = 3 (ignored)
    landmarks.data.insert(landmarks.data.end(),
                          {cx + along * c - across * s, cy + along * s + across * c, 3});
  }
  landmarks.data.insert(landmarks.data.end(), {0, 0, 3});
  const std::vector<float> m = model.run({landmarks})[0].data;
  // Crop pixel (x, y) -> centre + R(a) diag(1.5 * 20 / 16, 1.5 * 10 / 16) ((x, y) - (8, 8)).
  const float sx = 1.5f * 20 / 16, sy = 1.5f * 10 / 16;
  const std::vector<float> expected = {c * sx, -s * sy, 0, cx - 8 * c * sx + 8 * s * sy,
                                       s * sx, c * sy,  0, cy - 8 * s * sx - 8 * c * sy,
                                       0,      0,       1, 0,
                                       0,      0,       0, 1};
  ASSERT_EQ(m.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) EXPECT_NEAR(m[i], expected[i], 1e-4) << i;
}

}  // namespace
}  // namespace am

// MediaPipe's custom operators in the face mesh with attention (face_landmark_with_attention),
// version 2 semantics, lowered to standard ONNX operators:
// - Landmarks2TransformMatrix: from [1, N, 3] landmarks, the 4x4 matrix that maps a crop's pixel
//   (x, y) to landmark space: the crop is centred on the bounding box of the chosen landmarks
//   (taken in a frame turned so the line from the left to the right rotation landmark lies at
//   target_rotation_radians), scaled so output_width x output_height pixels span scale_x /
//   scale_y times that box.
// - TransformTensorBilinear: samples an NHWC tensor at matrix * (x + 0.5, y + 0.5) - 0.5 for each
//   output pixel, bilinearly; 0 where that falls outside [0, W - 1] x [0, H - 1].
// - TransformLandmarks: applies the matrix to [1, N, 2 or 3] landmarks' (x, y); z is kept.
#include <cmath>

#include "convert/custom_options.hpp"
#include "convert/graph_ops.hpp"
#include "convert/lowering.hpp"

namespace am {

using tflite::OpDef;

namespace {

// The matrix's first two rows at columns x, y and translation, transposed: [1, 3, 2], so that
// [x, y, 1] rows times it give transformed [x, y] rows.
std::string affine_columns(GraphOps& ops, const std::string& matrix) {
  return ops.transpose(ops.gather(ops.slice(matrix, 1, 0, 2), 2, {0, 1, 3}), {0, 2, 1});
}

// (cos r, sin r) as [1, 1, 2] for r = target - the angle of the line from `left` to `right`.
std::string rotation_cos_sin(GraphOps& ops, const std::string& xy, int64_t left, int64_t right,
                             float target) {
  const std::string line = ops.op("Sub", {ops.gather(xy, 1, {right}), ops.gather(xy, 1, {left})});
  const std::string length =
      ops.op("Max", {ops.reduce("ReduceL2", line, {2}, true), ops.floats({}, {1e-12f})});
  const std::string unit = ops.op("Div", {line, length});  // (cos a, sin a)
  const float c = std::cos(target), s = std::sin(target);
  // cos(t - a) = c cos a + s sin a, sin(t - a) = s cos a - c sin a.
  return ops.op("MatMul", {unit, ops.floats({2, 2}, {c, s, s, -c})});
}

struct TurnedBox {
  std::string centre;  // [1, 1, 2], landmark space
  std::string size;    // [1, 1, 2], width and height in the turned frame
};

// The box of the `subset` points of `xy` [1, N, 2] in the frame turned by `turn`.
TurnedBox turned_box(GraphOps& ops, const std::string& xy, const std::vector<int64_t>& subset,
                     const std::string& turn) {
  const std::string turned = ops.op("MatMul", {ops.gather(xy, 1, subset), turn});
  const std::string high = ops.reduce("ReduceMax", turned, {1}, true);
  const std::string low = ops.reduce("ReduceMin", turned, {1}, true);
  const std::string middle = ops.op("Mul", {ops.op("Add", {high, low}), ops.graph().scalar(0.5f)});
  return {ops.op("MatMul", {middle, ops.transpose(turn, {0, 2, 1})}),  // turned back
          ops.op("Sub", {high, low})};
}

void lower_landmarks_to_transform_matrix(Lowering& l, const OpDef& op) {
  if (l.rank(op.inputs.at(0)) != 3) l.fail(op, "needs [1, N, 3] landmarks");
  const CustomOptions options(l, op);
  const std::vector<int64_t> subset = options.integers("subset_idxs");
  if (subset.empty()) l.fail(op, "has an empty subset_idxs option");
  const float out_w = static_cast<float>(options.integer("output_width"));
  const float out_h = static_cast<float>(options.integer("output_height"));
  GraphOps ops(l.graph(), l.model().tensors.at(op.outputs.at(0)).name);
  const std::string xy = ops.slice(l.input(op.inputs[0]), 2, 0, 2);
  const std::string cos_sin = rotation_cos_sin(ops, xy, options.integer("left_rotation_idx"),
                                               options.integer("right_rotation_idx"),
                                               options.number("target_rotation_radians"));
  // turn = [[c, s], [-s, c]]: row vectors times it are turned by r; it is also R(-r).
  const std::string turn =
      ops.concat({cos_sin, ops.op("MatMul", {cos_sin, ops.floats({2, 2}, {0, 1, -1, 0})})}, 1);
  const TurnedBox box = turned_box(ops, xy, subset, turn);
  const std::string scale =
      ops.op("Mul", {box.size, ops.floats({1, 1, 2}, {options.number("scale_x") / out_w,
                                                      options.number("scale_y") / out_h})});
  // matrix = shift(centre) * R(-r) * diag(scale) * shift(-out_w / 2, -out_h / 2).
  const std::string linear = ops.op("Mul", {turn, scale});
  const std::string shift =
      ops.op("Add", {ops.op("MatMul", {linear, ops.floats({1, 2, 1}, {-out_w / 2, -out_h / 2})}),
                     ops.transpose(box.centre, {0, 2, 1})});
  const std::string top = ops.concat({linear, ops.floats({1, 2, 1}, {0, 0}), shift}, 2);
  const std::string bottom = ops.floats({1, 2, 4}, {0, 0, 1, 0, 0, 0, 0, 1});
  set_attr(ops.op_to("Concat", {top, bottom}, l.define(op.outputs[0])), "axis", int64_t{1});
}

// Where each of the out_h x out_w output pixels reads the input: matrix * (x + 0.5, y + 0.5) -
// 0.5, input pixels, [1, out_h * out_w, 2], row by row.
std::string sample_points(GraphOps& ops, const std::string& matrix, int64_t out_h, int64_t out_w) {
  std::vector<float> centres;  // (x + 0.5, y + 0.5, 1)
  for (int64_t y = 0; y < out_h; ++y) {
    for (int64_t x = 0; x < out_w; ++x) centres.insert(centres.end(), {x + 0.5f, y + 0.5f, 1.0f});
  }
  const std::string moved =
      ops.op("MatMul", {ops.floats({1, out_h * out_w, 3}, centres), affine_columns(ops, matrix)});
  return ops.op("Sub", {moved, ops.graph().scalar(0.5f)});
}

// 1 where a sample point lies inside [0, limits], else 0: [1, points].
std::string inside_mask(GraphOps& ops, const std::string& points, const std::string& limits) {
  onnx::NodeProto* cast = nullptr;
  const std::string outside =
      ops.op("Cast",
             {ops.op("Or", {ops.op("Less", {points, ops.graph().scalar(0.0f)}),
                            ops.op("Greater", {points, limits})})},
             &cast);
  set_attr(*cast, "to", int64_t{onnx::TensorProto::FLOAT});
  return ops.op("Sub", {ops.graph().scalar(1.0f), ops.reduce("ReduceMax", outside, {2}, false)});
}

void lower_transform_tensor_bilinear(Lowering& l, const OpDef& op) {
  const auto& in_shape = l.shape(op.inputs.at(0));
  const auto& out_shape = l.shape(op.outputs.at(0));
  if (in_shape.size() != 4 || out_shape.size() != 4) l.fail(op, "needs rank-4 NHWC tensors");
  const int64_t in_h = in_shape[1], in_w = in_shape[2], out_h = out_shape[1], out_w = out_shape[2];
  if (in_h < 2 || in_w < 2) l.fail(op, "needs an input of at least 2 x 2");
  GraphOps ops(l.graph(), l.model().tensors[op.outputs[0]].name);
  const std::string points = sample_points(ops, l.input(op.inputs.at(1)), out_h, out_w);
  const std::string limits =
      ops.floats({2}, {static_cast<float>(in_w - 1), static_cast<float>(in_h - 1)});
  // GridSample with align_corners: -1 and 1 are the centres of the first and last pixels.
  const std::string grid = ops.reshape(
      ops.op("Sub", {ops.op("Div", {ops.op("Mul", {points, ops.graph().scalar(2.0f)}), limits}),
                     ops.graph().scalar(1.0f)}),
      {1, out_h, out_w, 2});
  onnx::NodeProto* sample = nullptr;
  const std::string sampled = ops.op("GridSample", {l.input(op.inputs[0]), grid}, &sample);
  set_attr(*sample, "mode", std::string("bilinear"));
  set_attr(*sample, "padding_mode", std::string("zeros"));
  set_attr(*sample, "align_corners", int64_t{1});
  // MediaPipe gives 0 for a point past the last pixel centre; GridSample would blend with 0.
  const std::string inside = ops.reshape(inside_mask(ops, points, limits), {1, 1, out_h, out_w});
  ops.op_to("Mul", {sampled, inside}, l.define(op.outputs[0]));
}

void lower_transform_landmarks(Lowering& l, const OpDef& op) {
  const auto& shape = l.shape(op.inputs.at(0));
  if (shape.size() != 3 || (shape[2] != 2 && shape[2] != 3))
    l.fail(op, "needs [1, N, 2] or [1, N, 3] landmarks");
  GraphOps ops(l.graph(), l.model().tensors.at(op.outputs.at(0)).name);
  const std::string in = l.input(op.inputs[0]);
  const std::vector<float> ones(static_cast<size_t>(shape[1]), 1.0f);
  const std::string rows =
      ops.concat({ops.slice(in, 2, 0, 2), ops.floats({1, shape[1], 1}, ones)}, 2);
  const std::vector<std::string> moved = {
      ops.op("MatMul", {rows, affine_columns(ops, l.input(op.inputs.at(1)))})};
  if (shape[2] == 2) {
    ops.op_to("Identity", moved, l.define(op.outputs[0]));
    return;
  }
  set_attr(ops.op_to("Concat", {moved[0], ops.slice(in, 2, 2, 3)}, l.define(op.outputs[0])), "axis",
           int64_t{2});
}

}  // namespace

bool lower_mediapipe_op(Lowering& l, const OpDef& op) {
  const bool known = op.custom_code == "Landmarks2TransformMatrix" ||
                     op.custom_code == "TransformTensorBilinear" ||
                     op.custom_code == "TransformLandmarks";
  if (known && op.version != 2) {
    l.fail(op, "is version " + std::to_string(op.version) + "; only version 2 is supported");
  }
  if (op.custom_code == "Landmarks2TransformMatrix") {
    lower_landmarks_to_transform_matrix(l, op);
  } else if (op.custom_code == "TransformTensorBilinear") {
    lower_transform_tensor_bilinear(l, op);
  } else if (op.custom_code == "TransformLandmarks") {
    lower_transform_landmarks(l, op);
  } else {
    return false;
  }
  return true;
}

}  // namespace am

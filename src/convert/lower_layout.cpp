// Operators that move data around: PAD, RESHAPE, CONCATENATION, MEAN, RESIZE_BILINEAR,
// DEPTH_TO_SPACE. Rank-4 data is NCHW inside the graph, so NHWC axes and shapes are mapped here;
// RESHAPE and MEAN go back to NHWC where the element order matters.
#include "convert/lowering.hpp"

namespace am {

using tflite::OpDef;

namespace {

const std::vector<int64_t> kToNchw = {0, 3, 1, 2};
const std::vector<int64_t> kToNhwc = {0, 2, 3, 1};

std::string transpose(Lowering& l, const std::string& in, const std::vector<int64_t>& perm,
                      const std::string& suffix) {
  std::string out = l.graph().unique(in + suffix);
  set_attr(l.graph().add_node("Transpose", {in}, {out}), "perm", perm);
  return out;
}

std::vector<int64_t> nchw_shape(const std::vector<int64_t>& nhwc) {
  return {nhwc[0], nhwc[3], nhwc[1], nhwc[2]};
}

// Reshapes NHWC-ordered data `in` (the graph's value `nhwc`) to tensor `out`'s shape, then moves
// a rank-4 result to NCHW.
void reshape_to_output(Lowering& l, const OpDef& op, const std::string& nhwc, int out) {
  const auto& shape = l.shape(out);
  const std::string target =
      l.graph().add_ints("shape", {static_cast<int64_t>(shape.size())}, shape);
  if (shape.size() != 4) {
    l.emit(op, "Reshape", {nhwc, target}, out);
    return;
  }
  const std::string reshaped = l.graph().unique(nhwc + "_reshaped");
  l.graph().add_node("Reshape", {nhwc, target}, {reshaped});
  set_attr(l.graph().add_node("Transpose", {reshaped}, {l.define(out)}), "perm", kToNchw);
}

std::string as_nhwc(Lowering& l, int tensor) {
  const std::string in = l.input(tensor);
  return l.rank(tensor) == 4 ? transpose(l, in, kToNhwc, "_nhwc") : in;
}

}  // namespace

void lower_pad(Lowering& l, const OpDef& op) {
  const Constant& pads = l.constant(op.inputs.at(1), op);  // [rank, 2]: before, after
  const int rank = l.rank(op.inputs[0]);
  if (static_cast<int>(pads.ints.size()) != 2 * rank)
    l.fail(op, "has a paddings tensor not of shape [rank, 2]");
  std::vector<int64_t> onnx_pads(2 * rank);
  for (int axis = 0; axis < rank; ++axis) {
    const int src = rank == 4 ? static_cast<int>(kToNchw[axis]) : axis;
    onnx_pads[axis] = pads.ints[2 * src];
    onnx_pads[rank + axis] = pads.ints[2 * src + 1];
  }
  const std::string pads_name = l.graph().add_ints("pads", {int64_t{2} * rank}, onnx_pads);
  l.emit(op, "Pad", {l.input(op.inputs[0]), pads_name}, op.outputs[0]);
}

void lower_reshape(Lowering& l, const OpDef& op) {
  reshape_to_output(l, op, as_nhwc(l, op.inputs.at(0)), op.outputs.at(0));
}

void lower_concat(Lowering& l, const OpDef& op) {
  const int rank = l.rank(op.outputs[0]);
  int axis = op.options.axis < 0 ? op.options.axis + rank : op.options.axis;
  if (rank == 4) axis = nchw_axis(axis);
  std::vector<std::string> inputs;
  for (int in : op.inputs) inputs.push_back(l.input(in, rank == 4));
  auto& node = l.emit(op, "Concat", inputs, op.outputs[0], op.options.activation);
  set_attr(node, "axis", static_cast<int64_t>(axis));
}

void lower_mean(Lowering& l, const OpDef& op) {
  const Constant& axes = l.constant(op.inputs.at(1), op);
  const int rank = l.rank(op.inputs[0]);
  std::vector<int64_t> onnx_axes;
  for (int64_t a : axes.ints) {
    const int axis = static_cast<int>(a < 0 ? a + rank : a);
    onnx_axes.push_back(rank == 4 ? nchw_axis(axis) : axis);
  }
  const bool direct = rank != 4 || l.rank(op.outputs[0]) == 4;
  if (direct) {
    auto& node = l.emit(op, "ReduceMean", {l.input(op.inputs[0])}, op.outputs[0]);
    set_attr(node, "axes", onnx_axes);
    set_attr(node, "keepdims", int64_t{l.rank(op.outputs[0]) == rank ? 1 : 0});
    return;
  }
  const std::string reduced = l.graph().unique(l.input(op.inputs[0]) + "_mean");
  auto& node = l.graph().add_node("ReduceMean", {l.input(op.inputs[0])}, {reduced});
  set_attr(node, "axes", onnx_axes);
  set_attr(node, "keepdims", int64_t{1});
  reshape_to_output(l, op, transpose(l, reduced, kToNhwc, "_nhwc"), op.outputs[0]);
}

// TFLite clamps source coordinates to the input like ONNX Runtime's linear Resize does.
void lower_resize_bilinear(Lowering& l, const OpDef& op) {
  if (l.rank(op.inputs[0]) != 4) l.fail(op, "needs a rank-4 NHWC input");
  const auto sizes = nchw_shape(l.shape(op.outputs[0]));
  const std::string sizes_name = l.graph().add_ints("sizes", {4}, sizes);
  auto& node = l.emit(op, "Resize", {l.input(op.inputs[0]), "", "", sizes_name}, op.outputs[0]);
  set_attr(node, "mode", std::string("linear"));
  const char* mode = op.options.align_corners        ? "align_corners"
                     : op.options.half_pixel_centers ? "half_pixel"
                                                     : "asymmetric";
  set_attr(node, "coordinate_transformation_mode", std::string(mode));
}

// TFLite's NHWC DepthToSpace reads depth as (row offset, column offset, channel): ONNX DCR order.
void lower_depth_to_space(Lowering& l, const OpDef& op) {
  if (l.rank(op.inputs[0]) != 4) l.fail(op, "needs a rank-4 NHWC input");
  auto& node = l.emit(op, "DepthToSpace", {l.input(op.inputs[0])}, op.outputs[0]);
  set_attr(node, "blocksize", static_cast<int64_t>(op.options.block_size));
  set_attr(node, "mode", std::string("DCR"));
}

}  // namespace am

// CONV_2D, DEPTHWISE_CONV_2D, MediaPipe's Convolution2DTransposeBias and the 2-D pools, on NCHW
// activations with weights re-laid out at conversion time and TFLite's explicit paddings.
#include <cstring>

#include "convert/lowering.hpp"
#include "convert/padding.hpp"

namespace am {
namespace {

using tflite::OpDef;

struct Window {
  int kernel_h, kernel_w;
};

// ONNX pads [top, left, bottom, right] as TFLite computes them for input tensor `in`.
std::vector<int64_t> spatial_pads(Lowering& l, const OpDef& op, int in, Window k) {
  const auto& o = op.options;
  const auto& s = l.shape(in);
  const AxisPadding h =
      tflite_padding(o.padding, static_cast<int>(s[1]), k.kernel_h, o.stride_h, o.dilation_h);
  const AxisPadding w =
      tflite_padding(o.padding, static_cast<int>(s[2]), k.kernel_w, o.stride_w, o.dilation_w);
  return {h.before, w.before, h.after, w.after};
}

void require_rank4(Lowering& l, const OpDef& op, int tensor) {
  if (l.rank(tensor) != 4) l.fail(op, "needs a rank-4 NHWC input");
}

std::vector<std::string> conv_inputs(Lowering& l, const OpDef& op, const Constant& weights,
                                     const std::string& suffix) {
  std::vector<std::string> inputs = {
      l.input(op.inputs[0]), l.graph().add_floats(l.model().tensors[op.inputs[1]].name + suffix,
                                                  weights.shape, weights.floats)};
  if (op.inputs.size() > 2 && op.inputs[2] >= 0) {
    l.constant(op.inputs[2], op);  // a bias computed at run time is not supported
    inputs.push_back(l.input(op.inputs[2]));
  }
  return inputs;
}

void set_conv_attrs(onnx::NodeProto& node, const OpDef& op, Window k,
                    const std::vector<int64_t>& pads, int64_t group) {
  set_attr(node, "kernel_shape", std::vector<int64_t>{k.kernel_h, k.kernel_w});
  set_attr(node, "strides", std::vector<int64_t>{op.options.stride_h, op.options.stride_w});
  set_attr(node, "dilations", std::vector<int64_t>{op.options.dilation_h, op.options.dilation_w});
  set_attr(node, "pads", pads);
  set_attr(node, "group", group);
}

}  // namespace

void lower_conv(Lowering& l, const OpDef& op) {
  require_rank4(l, op, op.inputs[0]);
  const Constant& filter = l.constant(op.inputs[1], op);  // [O, KH, KW, I]
  const Window k{static_cast<int>(filter.shape[1]), static_cast<int>(filter.shape[2])};
  const int64_t channels = l.shape(op.inputs[0])[3];
  if (filter.shape[3] <= 0 || channels % filter.shape[3] != 0) {
    l.fail(op, "has a filter whose input depth does not divide the input channels");
  }
  const auto inputs = conv_inputs(l, op, permute(filter, {0, 3, 1, 2}), "_oihw");
  auto& node = l.emit(op, "Conv", inputs, op.outputs[0], op.options.activation);
  set_conv_attrs(node, op, k, spatial_pads(l, op, op.inputs[0], k), channels / filter.shape[3]);
}

void lower_depthwise_conv(Lowering& l, const OpDef& op) {
  require_rank4(l, op, op.inputs[0]);
  const Constant& filter = l.constant(op.inputs[1], op);  // [1, KH, KW, C * M]
  const Window k{static_cast<int>(filter.shape[1]), static_cast<int>(filter.shape[2])};
  const int64_t channels = l.shape(op.inputs[0])[3];
  if (filter.shape[0] != 1 || filter.shape[3] != channels * op.options.depth_multiplier) {
    l.fail(op, "has a filter shape that does not match its input depth and depth multiplier");
  }
  const auto inputs = conv_inputs(l, op, permute(filter, {3, 0, 1, 2}), "_dw");
  auto& node = l.emit(op, "Conv", inputs, op.outputs[0], op.options.activation);
  set_conv_attrs(node, op, k, spatial_pads(l, op, op.inputs[0], k), channels);
}

// custom_options: TfLiteTransposeConvParams {int32 padding (1 SAME, 2 VALID), stride_w, stride_h}.
void lower_transpose_conv_bias(Lowering& l, const OpDef& op) {
  require_rank4(l, op, op.inputs[0]);
  int32_t params[3];
  if (op.options.custom.size() < sizeof(params))
    l.fail(op, "has custom options shorter than 12 bytes");
  std::memcpy(params, op.options.custom.data(), sizeof(params));
  if (params[0] != 1 && params[0] != 2)
    l.fail(op, "has an unknown padding kind in its custom options");
  const auto padding = params[0] == 1 ? tflite::Padding::Same : tflite::Padding::Valid;
  const Constant& filter = l.constant(op.inputs[1], op);  // [O, KH, KW, I]
  const int kh = static_cast<int>(filter.shape[1]), kw = static_cast<int>(filter.shape[2]);
  const AxisPadding ph = transpose_conv_padding(padding, kh, params[2]);
  const AxisPadding pw = transpose_conv_padding(padding, kw, params[1]);
  const auto& in = l.shape(op.inputs[0]);
  const auto& out = l.shape(op.outputs[0]);
  const int64_t extra_h = out[1] - ((in[1] - 1) * params[2] + kh - ph.before - ph.after);
  const int64_t extra_w = out[2] - ((in[2] - 1) * params[1] + kw - pw.before - pw.after);
  if (extra_h < 0 || extra_w < 0) l.fail(op, "has an output shape its padding cannot produce");
  const auto inputs = conv_inputs(l, op, permute(filter, {3, 0, 1, 2}), "_iohw");
  auto& node = l.emit(op, "ConvTranspose", inputs, op.outputs[0]);
  set_attr(node, "kernel_shape", std::vector<int64_t>{kh, kw});
  set_attr(node, "strides", std::vector<int64_t>{params[2], params[1]});
  set_attr(node, "pads", std::vector<int64_t>{ph.before, pw.before, ph.after, pw.after});
  set_attr(node, "output_padding", std::vector<int64_t>{extra_h, extra_w});
}

void lower_pool(Lowering& l, const OpDef& op, const std::string& onnx_op) {
  require_rank4(l, op, op.inputs[0]);
  const Window k{op.options.filter_h, op.options.filter_w};
  auto& node = l.emit(op, onnx_op, {l.input(op.inputs[0])}, op.outputs[0], op.options.activation);
  set_attr(node, "kernel_shape", std::vector<int64_t>{k.kernel_h, k.kernel_w});
  set_attr(node, "strides", std::vector<int64_t>{op.options.stride_h, op.options.stride_w});
  set_attr(node, "pads", spatial_pads(l, op, op.inputs[0], k));
  if (onnx_op == "AveragePool") set_attr(node, "count_include_pad", int64_t{0});
}

}  // namespace am

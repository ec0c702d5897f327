// The state shared by the operator lowerings: which TFLite tensors are constants (decoded to
// float32 / int64 at conversion time) and which ONNX value holds each activation. Layout rule:
// every rank-4 activation lives in NCHW inside the ONNX graph; every other rank keeps TFLite's
// layout. Constants are emitted in whatever layout their consumer needs. lower_op() appends the
// ONNX nodes for one TFLite operator or throws ConvertError naming the operator and the model.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "convert/constant_data.hpp"
#include "convert/onnx_graph.hpp"
#include "convert/tflite_model.hpp"

namespace am {

// The NCHW axis of NHWC axis `axis` (negative counts from the end of a rank-4 shape).
int nchw_axis(int axis);

class Lowering {
 public:
  Lowering(const tflite::Model& model, OnnxGraph& graph, std::string source);

  const tflite::Model& model() const { return model_; }
  OnnxGraph& graph() { return graph_; }
  const std::vector<int64_t>& shape(int tensor) const;
  int rank(int tensor) const { return static_cast<int>(shape(tensor).size()); }

  bool is_constant(int tensor) const;
  const Constant& constant(int tensor, const tflite::OpDef& op) const;
  void alias_constant(int from, int to);

  // The ONNX name holding tensor `tensor` in the graph's layout. Constants are emitted as-is,
  // or broadcast-ready in NCHW when `nchw_rank4` and the consumer works on rank-4 NCHW data.
  std::string input(int tensor, bool nchw_rank4 = false);
  // Names the ONNX value that will hold tensor `tensor` and records it.
  std::string define(int tensor);
  void define_as(int tensor, const std::string& name) { values_[tensor] = name; }
  // Makes define(tensor) use `name` (already taken in the graph): graph outputs keep their names.
  void fix_name(int tensor, const std::string& name) { fixed_names_[tensor] = name; }

  // Adds `op_type` writing tensor `out`, followed by the fused activation when there is one;
  // returns the main node so the caller can add attributes.
  onnx::NodeProto& emit(const tflite::OpDef& op, const std::string& op_type,
                        const std::vector<std::string>& inputs, int out,
                        tflite::Activation activation = tflite::Activation::None);

  [[noreturn]] void fail(const tflite::OpDef& op, const std::string& what) const;

 private:
  void decode_constants();

  const tflite::Model& model_;
  OnnxGraph& graph_;
  std::string source_;
  std::map<int, Constant> constants_;
  std::map<int, std::string> values_;
  std::map<int, std::string> fixed_names_;
  std::map<int, std::string> emitted_nchw_, emitted_plain_;
};

void lower_op(Lowering& lowering, const tflite::OpDef& op);

// Per-family lowerings (lower_conv.cpp, lower_elementwise.cpp, lower_layout.cpp, lower_slice.cpp).
void lower_conv(Lowering& l, const tflite::OpDef& op);
void lower_depthwise_conv(Lowering& l, const tflite::OpDef& op);
void lower_transpose_conv_bias(Lowering& l, const tflite::OpDef& op);
void lower_pool(Lowering& l, const tflite::OpDef& op, const std::string& onnx_op);
void lower_binary(Lowering& l, const tflite::OpDef& op, const std::string& onnx_op);
void lower_unary(Lowering& l, const tflite::OpDef& op, const std::string& onnx_op);
void lower_prelu(Lowering& l, const tflite::OpDef& op);
void lower_pad(Lowering& l, const tflite::OpDef& op);
void lower_reshape(Lowering& l, const tflite::OpDef& op);
void lower_concat(Lowering& l, const tflite::OpDef& op);
void lower_resize_bilinear(Lowering& l, const tflite::OpDef& op);
void lower_depth_to_space(Lowering& l, const tflite::OpDef& op);
void lower_mean(Lowering& l, const tflite::OpDef& op);
void lower_strided_slice(Lowering& l, const tflite::OpDef& op);

// MediaPipe's custom Landmarks2TransformMatrix, TransformTensorBilinear and TransformLandmarks
// (lower_mediapipe.cpp); false for any other operator.
bool lower_mediapipe_op(Lowering& l, const tflite::OpDef& op);

}  // namespace am

#include "convert/lowering.hpp"

#include <stdexcept>

#include "convert/constant_data.hpp"
#include "convert/convert_error.hpp"

namespace am {

int nchw_axis(int axis) {
  static constexpr int kMap[] = {0, 2, 3, 1};
  return kMap[axis < 0 ? axis + 4 : axis];
}

Lowering::Lowering(const tflite::Model& model, OnnxGraph& graph, std::string source)
    : model_(model), graph_(graph), source_(std::move(source)) {
  decode_constants();
}

void Lowering::decode_constants() {
  for (size_t i = 0; i < model_.tensors.size(); ++i) {
    const tflite::TensorDef& t = model_.tensors[i];
    if (t.data.empty()) continue;
    Constant c;
    c.shape = t.shape;
    try {
      if (t.type == tflite::TensorType::Float32 || t.type == tflite::TensorType::Float16) {
        c.floats = decode_floats(t);
        if (t.sparsity) c.floats = densify(*t.sparsity, t.shape, c.floats);
      } else if (t.type == tflite::TensorType::Int32 || t.type == tflite::TensorType::Int64) {
        c.ints = decode_ints(t);
      } else {
        continue;  // not decodable: any operator that reads it fails with a clear message
      }
    } catch (const std::invalid_argument& e) {
      throw ConvertError("TFLite model " + source_ + ": constant tensor '" + t.name +
                         "' cannot be decoded (" + e.what() +
                         "): the file is damaged or unsupported");
    }
    constants_[static_cast<int>(i)] = std::move(c);
  }
}

const std::vector<int64_t>& Lowering::shape(int tensor) const {
  return model_.tensors.at(tensor).shape;
}

bool Lowering::is_constant(int tensor) const { return constants_.count(tensor) != 0; }

const Constant& Lowering::constant(int tensor, const tflite::OpDef& op) const {
  const auto it = constants_.find(tensor);
  if (it == constants_.end()) {
    fail(op,
         "needs tensor '" + model_.tensors.at(tensor).name +
             "' to be a float or int constant, but it is computed at run time or has another type");
  }
  return it->second;
}

void Lowering::alias_constant(int from, int to) { constants_[to] = constants_.at(from); }

std::string Lowering::input(int tensor, bool nchw_rank4) {
  if (const auto c = constants_.find(tensor); c != constants_.end()) {
    auto& cache = nchw_rank4 ? emitted_nchw_ : emitted_plain_;
    if (const auto e = cache.find(tensor); e != cache.end()) return e->second;
    const std::string base =
        model_.tensors[tensor].name.empty() ? "const" : model_.tensors[tensor].name;
    const Constant& value = c->second;
    std::string name;
    if (!value.ints.empty()) {
      name = graph_.add_ints(base, value.shape, value.ints);
    } else if (nchw_rank4) {
      const Constant nchw = nhwc_to_nchw(value);
      name = graph_.add_floats(base + "_nchw", nchw.shape, nchw.floats);
    } else {
      name = graph_.add_floats(base, value.shape, value.floats);
    }
    return cache[tensor] = name;
  }
  const auto v = values_.find(tensor);
  if (v == values_.end()) {
    throw ConvertError("TFLite model " + source_ + ": tensor '" + model_.tensors.at(tensor).name +
                       "' is read before any operator writes it: the graph is not supported");
  }
  return v->second;
}

std::string Lowering::define(int tensor) {
  const auto fixed = fixed_names_.find(tensor);
  std::string base = model_.tensors.at(tensor).name;
  if (base.empty()) base = "tensor";  // unique() numbers the repeats
  std::string name = fixed != fixed_names_.end() ? fixed->second : graph_.unique(base);
  values_[tensor] = name;
  return name;
}

onnx::NodeProto& Lowering::emit(const tflite::OpDef& op, const std::string& op_type,
                                const std::vector<std::string>& inputs, int out,
                                tflite::Activation activation) {
  using tflite::Activation;
  if (activation == Activation::None) return graph_.add_node(op_type, inputs, {define(out)});
  const std::string pre = graph_.unique(model_.tensors.at(out).name + "_pre");
  onnx::NodeProto& main = graph_.add_node(op_type, inputs, {pre});
  switch (activation) {
    case Activation::Relu:
      graph_.add_node("Relu", {pre}, {define(out)});
      break;
    case Activation::Relu6:
      graph_.add_node("Clip", {pre, graph_.scalar(0.0f), graph_.scalar(6.0f)}, {define(out)});
      break;
    case Activation::ReluN1To1:
      graph_.add_node("Clip", {pre, graph_.scalar(-1.0f), graph_.scalar(1.0f)}, {define(out)});
      break;
    case Activation::Tanh:
      graph_.add_node("Tanh", {pre}, {define(out)});
      break;
    default:
      fail(op, "uses fused activation " + std::to_string(static_cast<int>(activation)) +
                   ", which the converter does not support");
  }
  return main;
}

void Lowering::fail(const tflite::OpDef& op, const std::string& what) const {
  throw ConvertError("cannot convert TFLite model " + source_ + ": operator " +
                     tflite::op_name(op) + " " + what);
}

}  // namespace am

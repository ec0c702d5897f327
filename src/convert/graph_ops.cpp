#include "convert/graph_ops.hpp"

namespace am {

std::string GraphOps::op(const std::string& op_type, const std::vector<std::string>& inputs,
                         onnx::NodeProto** node) {
  std::string out = graph_.unique(base_ + "_" + op_type);
  onnx::NodeProto& added = graph_.add_node(op_type, inputs, {out});
  if (node != nullptr) *node = &added;
  return out;
}

onnx::NodeProto& GraphOps::op_to(const std::string& op_type, const std::vector<std::string>& inputs,
                                 const std::string& output) {
  return graph_.add_node(op_type, inputs, {output});
}

std::string GraphOps::floats(const std::vector<int64_t>& shape, const std::vector<float>& values) {
  return graph_.add_floats(base_ + "_const", shape, values);
}

std::string GraphOps::ints(const std::vector<int64_t>& shape, const std::vector<int64_t>& values) {
  return graph_.add_ints(base_ + "_ints", shape, values);
}

std::string GraphOps::slice(const std::string& in, int64_t axis, int64_t begin, int64_t end) {
  return op("Slice", {in, ints({1}, {begin}), ints({1}, {end}), ints({1}, {axis})});
}

std::string GraphOps::gather(const std::string& in, int64_t axis,
                             const std::vector<int64_t>& indices) {
  onnx::NodeProto* node = nullptr;
  std::string out =
      op("Gather", {in, ints({static_cast<int64_t>(indices.size())}, indices)}, &node);
  set_attr(*node, "axis", axis);
  return out;
}

std::string GraphOps::transpose(const std::string& in, const std::vector<int64_t>& perm) {
  onnx::NodeProto* node = nullptr;
  std::string out = op("Transpose", {in}, &node);
  set_attr(*node, "perm", perm);
  return out;
}

std::string GraphOps::reshape(const std::string& in, const std::vector<int64_t>& shape) {
  return op("Reshape", {in, ints({static_cast<int64_t>(shape.size())}, shape)});
}

std::string GraphOps::concat(const std::vector<std::string>& inputs, int64_t axis) {
  onnx::NodeProto* node = nullptr;
  std::string out = op("Concat", inputs, &node);
  set_attr(*node, "axis", axis);
  return out;
}

std::string GraphOps::reduce(const std::string& op_type, const std::string& in,
                             const std::vector<int64_t>& axes, bool keepdims) {
  onnx::NodeProto* node = nullptr;
  std::string out = op(op_type, {in}, &node);
  set_attr(*node, "axes", axes);
  set_attr(*node, "keepdims", int64_t{keepdims ? 1 : 0});
  return out;
}

}  // namespace am

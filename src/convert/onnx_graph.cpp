#include "convert/onnx_graph.hpp"

namespace am {
namespace {

void set_float_type(onnx::ValueInfoProto& info, const std::string& name,
                    std::span<const int64_t> shape) {
  info.set_name(name);
  auto* tensor_type = info.mutable_type()->mutable_tensor_type();
  tensor_type->set_elem_type(onnx::TensorProto::FLOAT);
  auto* dims = tensor_type->mutable_shape();
  for (int64_t d : shape) dims->add_dim()->set_dim_value(d);
}

onnx::AttributeProto& new_attr(onnx::NodeProto& node, const std::string& name,
                               onnx::AttributeProto::AttributeType type) {
  auto* attr = node.add_attribute();
  attr->set_name(name);
  attr->set_type(type);
  return *attr;
}

}  // namespace

std::string OnnxGraph::unique(const std::string& base) {
  std::string name = base;
  for (int i = 2; names_.count(name) != 0; ++i) name = base + "_" + std::to_string(i);
  names_.insert(name);
  return name;
}

std::string OnnxGraph::add_floats(const std::string& base, const std::vector<int64_t>& shape,
                                  std::span<const float> values) {
  auto* init = graph_.add_initializer();
  init->set_name(unique(base));
  init->set_data_type(onnx::TensorProto::FLOAT);
  for (int64_t d : shape) init->add_dims(d);
  init->mutable_raw_data()->assign(reinterpret_cast<const char*>(values.data()),
                                   values.size() * sizeof(float));
  return init->name();
}

std::string OnnxGraph::add_ints(const std::string& base, const std::vector<int64_t>& shape,
                                std::span<const int64_t> values) {
  auto* init = graph_.add_initializer();
  init->set_name(unique(base));
  init->set_data_type(onnx::TensorProto::INT64);
  for (int64_t d : shape) init->add_dims(d);
  init->mutable_raw_data()->assign(reinterpret_cast<const char*>(values.data()),
                                   values.size() * sizeof(int64_t));
  return init->name();
}

std::string OnnxGraph::scalar(float value) {
  std::string name = "scalar_" + std::to_string(value);
  if (names_.count(name) != 0) return name;
  const float v[] = {value};
  return add_floats(name, {}, v);
}

onnx::NodeProto& OnnxGraph::add_node(const std::string& op_type,
                                     const std::vector<std::string>& inputs,
                                     const std::vector<std::string>& outputs) {
  auto* node = graph_.add_node();
  node->set_op_type(op_type);
  std::string name = "n";
  name += std::to_string(graph_.node_size());
  name += "_";
  name += op_type;
  node->set_name(unique(name));
  for (const auto& in : inputs) node->add_input(in);
  for (const auto& out : outputs) node->add_output(out);
  return *node;
}

void OnnxGraph::add_input(const std::string& name, std::span<const int64_t> shape) {
  set_float_type(*graph_.add_input(), name, shape);
}

void OnnxGraph::add_output(const std::string& name, std::span<const int64_t> shape) {
  set_float_type(*graph_.add_output(), name, shape);
}

void set_attr(onnx::NodeProto& node, const std::string& name, int64_t value) {
  new_attr(node, name, onnx::AttributeProto::INT).set_i(value);
}

void set_attr(onnx::NodeProto& node, const std::string& name, float value) {
  new_attr(node, name, onnx::AttributeProto::FLOAT).set_f(value);
}

void set_attr(onnx::NodeProto& node, const std::string& name, const std::string& value) {
  new_attr(node, name, onnx::AttributeProto::STRING).set_s(value);
}

void set_attr(onnx::NodeProto& node, const std::string& name, const std::vector<int64_t>& values) {
  auto& attr = new_attr(node, name, onnx::AttributeProto::INTS);
  for (int64_t v : values) attr.add_ints(v);
}

}  // namespace am

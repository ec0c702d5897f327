#include "unit/infer/onnx_test_models.hpp"

#include <fstream>
#include <random>
#include <stdexcept>

namespace am::test {

namespace {

void set_type(onnx::ValueInfoProto& info, const std::vector<int64_t>& shape, int elem_type) {
  auto* tensor = info.mutable_type()->mutable_tensor_type();
  tensor->set_elem_type(elem_type);
  auto* dims = tensor->mutable_shape();
  for (size_t i = 0; i < shape.size(); ++i) {
    auto* dim = dims->add_dim();
    if (shape[i] < 0) {
      dim->set_dim_param(info.name() + "_d" + std::to_string(i));
    } else {
      dim->set_dim_value(shape[i]);
    }
  }
}

}  // namespace

onnx::ModelProto new_model(const std::string& graph_name) {
  onnx::ModelProto model;
  model.set_ir_version(8);
  model.set_producer_name("avatar-mirror tests");
  auto* opset = model.add_opset_import();
  opset->set_domain("");
  opset->set_version(13);
  model.mutable_graph()->set_name(graph_name);
  return model;
}

void add_input(onnx::GraphProto& graph, const std::string& name, const std::vector<int64_t>& shape,
               int elem_type) {
  auto* info = graph.add_input();
  info->set_name(name);
  set_type(*info, shape, elem_type);
}

void add_output(onnx::GraphProto& graph, const std::string& name, const std::vector<int64_t>& shape,
                int elem_type) {
  auto* info = graph.add_output();
  info->set_name(name);
  set_type(*info, shape, elem_type);
}

void add_initializer(onnx::GraphProto& graph, const std::string& name,
                     const std::vector<int64_t>& shape, const std::vector<float>& values) {
  auto* tensor = graph.add_initializer();
  tensor->set_name(name);
  tensor->set_data_type(onnx::TensorProto::FLOAT);
  for (int64_t d : shape) tensor->add_dims(d);
  for (float v : values) tensor->add_float_data(v);
}

onnx::NodeProto& add_node(onnx::GraphProto& graph, const std::string& op_type,
                          const std::vector<std::string>& inputs,
                          const std::vector<std::string>& outputs) {
  auto* node = graph.add_node();
  node->set_op_type(op_type);
  node->set_name(op_type + "_" + std::to_string(graph.node_size()));
  for (const auto& in : inputs) node->add_input(in);
  for (const auto& out : outputs) node->add_output(out);
  return *node;
}

void add_ints_attribute(onnx::NodeProto& node, const std::string& name,
                        const std::vector<int64_t>& values) {
  auto* attr = node.add_attribute();
  attr->set_name(name);
  attr->set_type(onnx::AttributeProto::INTS);
  for (int64_t v : values) attr->add_ints(v);
}

void save_model(const onnx::ModelProto& model, const std::filesystem::path& path) {
  std::ofstream out(path, std::ios::binary);
  if (!out || !model.SerializeToOstream(&out)) {
    throw std::runtime_error("cannot write test model " + path.string());
  }
}

void write_dense_relu_model(const std::filesystem::path& path, const DenseWeights& weights) {
  auto model = new_model("dense_relu");
  auto& graph = *model.mutable_graph();
  add_input(graph, "X", {-1, weights.k});
  add_output(graph, "Y", {-1, weights.n});
  add_initializer(graph, "W", {weights.k, weights.n}, weights.w);
  add_initializer(graph, "B", {weights.n}, weights.b);
  add_node(graph, "MatMul", {"X", "W"}, {"XW"});
  add_node(graph, "Add", {"XW", "B"}, {"XWB"});
  add_node(graph, "Relu", {"XWB"}, {"Y"});
  save_model(model, path);
}

void write_conv3x3_model(const std::filesystem::path& path, const ConvWeights& weights) {
  auto model = new_model("conv3x3");
  auto& graph = *model.mutable_graph();
  add_input(graph, "X", {1, weights.in_channels, weights.height, weights.width});
  add_output(graph, "Y", {1, weights.out_channels, weights.height, weights.width});
  add_initializer(graph, "W", {weights.out_channels, weights.in_channels, 3, 3}, weights.w);
  add_initializer(graph, "B", {weights.out_channels}, weights.b);
  auto& conv = add_node(graph, "Conv", {"X", "W", "B"}, {"Y"});
  add_ints_attribute(conv, "kernel_shape", {3, 3});
  add_ints_attribute(conv, "pads", {1, 1, 1, 1});
  add_ints_attribute(conv, "strides", {1, 1});
  save_model(model, path);
}

void write_sum_product_model(const std::filesystem::path& path) {
  auto model = new_model("sum_product");
  auto& graph = *model.mutable_graph();
  add_input(graph, "A", {2, 3});
  add_input(graph, "B", {2, 3});
  add_output(graph, "sum", {2, 3});
  add_output(graph, "product", {2, 3});
  add_node(graph, "Add", {"A", "B"}, {"sum"});
  add_node(graph, "Mul", {"A", "B"}, {"product"});
  save_model(model, path);
}

void write_int64_identity_model(const std::filesystem::path& path) {
  auto model = new_model("int64_identity");
  auto& graph = *model.mutable_graph();
  add_input(graph, "X", {2}, onnx::TensorProto::INT64);
  add_output(graph, "Y", {2}, onnx::TensorProto::INT64);
  add_node(graph, "Identity", {"X"}, {"Y"});
  save_model(model, path);
}

void write_random_bytes(const std::filesystem::path& path, size_t n) {
  std::mt19937 rng(12345);
  std::ofstream out(path, std::ios::binary);
  for (size_t i = 0; i < n; ++i) out.put(static_cast<char>(rng() & 0xff));
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

}  // namespace am::test

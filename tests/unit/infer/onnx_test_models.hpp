// Writes tiny ONNX models for tests, with Debian's libonnx protobuf classes: a few primitives to
// build a graph (inputs, outputs, initializers, nodes) and ready-made models with known weights.
// Shapes use -1 for a dynamic axis (written as a named dim_param). Models use IR 8, opset 13.
// Link the target am_test_onnx_models to use it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <onnx/onnx_pb.h>

namespace am::test {

onnx::ModelProto new_model(const std::string& graph_name);

void add_input(onnx::GraphProto& graph, const std::string& name, const std::vector<int64_t>& shape,
               int elem_type = onnx::TensorProto::FLOAT);
void add_output(onnx::GraphProto& graph, const std::string& name, const std::vector<int64_t>& shape,
                int elem_type = onnx::TensorProto::FLOAT);
void add_initializer(onnx::GraphProto& graph, const std::string& name,
                     const std::vector<int64_t>& shape, const std::vector<float>& values);
onnx::NodeProto& add_node(onnx::GraphProto& graph, const std::string& op_type,
                          const std::vector<std::string>& inputs,
                          const std::vector<std::string>& outputs);
void add_ints_attribute(onnx::NodeProto& node, const std::string& name,
                        const std::vector<int64_t>& values);

// Serializes to path (parent folders must exist); throws std::runtime_error on failure.
void save_model(const onnx::ModelProto& model, const std::filesystem::path& path);

// Y[batch, n] = Relu(X[batch, k] * W[k, n] + B[n]); batch is dynamic. w is row-major k x n.
struct DenseWeights {
  int64_t k = 0, n = 0;
  std::vector<float> w, b;
};
void write_dense_relu_model(const std::filesystem::path& path, const DenseWeights& weights);

// Y[1, out, h, w] = Conv(X[1, in, h, w], W[out, in, 3, 3], B[out]), stride 1, zero padding 1.
struct ConvWeights {
  int64_t in_channels = 0, out_channels = 0, height = 0, width = 0;
  std::vector<float> w, b;  // w is out x in x 3 x 3, row-major
};
void write_conv3x3_model(const std::filesystem::path& path, const ConvWeights& weights);

// Inputs A, B [2, 3]; outputs "sum" = A + B, then "product" = A * B (in that file order).
void write_sum_product_model(const std::filesystem::path& path);

// Y = Identity(X), X and Y int64 [2]: a model with a non-float tensor.
void write_int64_identity_model(const std::filesystem::path& path);

// n pseudo-random bytes (fixed seed): a corrupt model file.
void write_random_bytes(const std::filesystem::path& path, size_t n);

}  // namespace am::test

// A thin writer over an onnx::GraphProto: unique value names, float32 / int64 initializers,
// nodes with attributes, and typed graph inputs and outputs. The only place besides
// convert.cpp that touches the protobuf types.
#pragma once

#include <cstdint>
#include <set>
#include <span>
#include <string>
#include <vector>

#include <onnx/onnx_pb.h>

namespace am {

class OnnxGraph {
 public:
  explicit OnnxGraph(onnx::GraphProto& graph) : graph_(graph) {}

  // `base` itself when still free, else base_2, base_3, ...; the name is then taken.
  std::string unique(const std::string& base);

  std::string add_floats(const std::string& base, const std::vector<int64_t>& shape,
                         std::span<const float> values);
  std::string add_ints(const std::string& base, const std::vector<int64_t>& shape,
                       std::span<const int64_t> values);
  // A float32 scalar initializer, shared between all uses of the same value.
  std::string scalar(float value);

  onnx::NodeProto& add_node(const std::string& op_type, const std::vector<std::string>& inputs,
                            const std::vector<std::string>& outputs);

  void add_input(const std::string& name, std::span<const int64_t> shape);
  void add_output(const std::string& name, std::span<const int64_t> shape);

  int node_count() const { return graph_.node_size(); }

 private:
  onnx::GraphProto& graph_;
  std::set<std::string> names_;
};

void set_attr(onnx::NodeProto& node, const std::string& name, int64_t value);
void set_attr(onnx::NodeProto& node, const std::string& name, float value);
void set_attr(onnx::NodeProto& node, const std::string& name, const std::string& value);
void set_attr(onnx::NodeProto& node, const std::string& name, const std::vector<int64_t>& values);

}  // namespace am

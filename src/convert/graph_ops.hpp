// Builders for lowerings that need several ONNX nodes: each call adds one node whose single
// output gets a fresh name derived from the builder's base name, and returns that name.
// Constants are added as initializers. Writes only to the OnnxGraph it wraps.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "convert/onnx_graph.hpp"

namespace am {

class GraphOps {
 public:
  GraphOps(OnnxGraph& graph, std::string base) : graph_(graph), base_(std::move(base)) {}

  OnnxGraph& graph() { return graph_; }

  // A node of `op_type` on `inputs`; `node` (when given) receives it for attributes.
  std::string op(const std::string& op_type, const std::vector<std::string>& inputs,
                 onnx::NodeProto** node = nullptr);
  // Like op(), writing to `output` (an already reserved name) instead of a fresh one.
  onnx::NodeProto& op_to(const std::string& op_type, const std::vector<std::string>& inputs,
                         const std::string& output);

  std::string floats(const std::vector<int64_t>& shape, const std::vector<float>& values);
  std::string ints(const std::vector<int64_t>& shape, const std::vector<int64_t>& values);

  // [begin, end) along `axis`.
  std::string slice(const std::string& in, int64_t axis, int64_t begin, int64_t end);
  std::string gather(const std::string& in, int64_t axis, const std::vector<int64_t>& indices);
  std::string transpose(const std::string& in, const std::vector<int64_t>& perm);
  std::string reshape(const std::string& in, const std::vector<int64_t>& shape);
  std::string concat(const std::vector<std::string>& inputs, int64_t axis);
  // ReduceMax / ReduceMin / ReduceL2 (opset 17: axes as an attribute).
  std::string reduce(const std::string& op_type, const std::string& in,
                     const std::vector<int64_t>& axes, bool keepdims);

 private:
  OnnxGraph& graph_;
  std::string base_;
};

}  // namespace am

// Builds tiny TFLite flatbuffers for the converter's tests, with the raw flatbuffers table API
// and the schema's field ids: float32 tensors without data, one operator, chosen graph inputs and
// outputs. Written to a file in a scratch folder.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace am::test {

struct TinyTensor {
  std::string name;
  std::vector<int32_t> shape;
};

struct TinyOp {
  int32_t builtin_code = 0;  // 32 (CUSTOM) uses custom_code as the operator's name
  std::string custom_code;
  int32_t version = 1;
  std::vector<uint8_t> custom_options;
  std::vector<int32_t> inputs, outputs;  // tensor indices
};

// A model of `tensors` and `op`; graph inputs and outputs are tensor indices.
std::filesystem::path write_model(const std::filesystem::path& file,
                                  const std::vector<TinyTensor>& tensors, const TinyOp& op,
                                  const std::vector<int32_t>& graph_inputs,
                                  const std::vector<int32_t>& graph_outputs);

// One float32 input [1, 4, 4, 2] ("image"), one operator, one output ("result", same shape).
std::filesystem::path write_one_op_model(const std::filesystem::path& dir, int32_t builtin_code,
                                         const std::string& custom_code = "");

}  // namespace am::test

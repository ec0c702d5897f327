#include "tiny_tflite.hpp"

#include <fstream>
#include <vector>

#include <flatbuffers/flatbuffers.h>

#include "convert/tflite_schema.hpp"

namespace am::test {
namespace {

namespace s = am::tflite;
using Offset = flatbuffers::Offset<void>;

Offset tensor(flatbuffers::FlatBufferBuilder& b, const char* name) {
  const auto shape = b.CreateVector(std::vector<int32_t>{1, 4, 4, 2});
  const auto n = b.CreateString(name);
  const auto start = b.StartTable();
  b.AddOffset(s::vt(s::tensor::kShape), shape);
  b.AddElement<int8_t>(s::vt(s::tensor::kType), 0, -1);
  b.AddElement<uint32_t>(s::vt(s::tensor::kBuffer), 0, 1);
  b.AddOffset(s::vt(s::tensor::kName), n);
  return Offset(b.EndTable(start));
}

Offset opcode(flatbuffers::FlatBufferBuilder& b, int32_t code, const std::string& custom) {
  const auto custom_name =
      custom.empty() ? flatbuffers::Offset<flatbuffers::String>() : b.CreateString(custom);
  const auto start = b.StartTable();
  b.AddElement<int8_t>(s::vt(s::opcode::kDeprecatedBuiltinCode),
                       static_cast<int8_t>(code < 127 ? code : 127), -1);
  if (!custom.empty()) b.AddOffset(s::vt(s::opcode::kCustomCode), custom_name);
  b.AddElement<int32_t>(s::vt(s::opcode::kBuiltinCode), code, -1);
  return Offset(b.EndTable(start));
}

Offset one_op(flatbuffers::FlatBufferBuilder& b) {
  const auto ins = b.CreateVector(std::vector<int32_t>{0});
  const auto outs = b.CreateVector(std::vector<int32_t>{1});
  const auto start = b.StartTable();
  b.AddElement<uint32_t>(s::vt(s::op::kOpcodeIndex), 0, 1);
  b.AddOffset(s::vt(s::op::kInputs), ins);
  b.AddOffset(s::vt(s::op::kOutputs), outs);
  return Offset(b.EndTable(start));
}

Offset empty_buffer(flatbuffers::FlatBufferBuilder& b) {
  return Offset(b.EndTable(b.StartTable()));
}

}  // namespace

std::filesystem::path write_one_op_model(const std::filesystem::path& dir, int32_t builtin_code,
                                         const std::string& custom_code) {
  flatbuffers::FlatBufferBuilder b;
  const auto tensors = b.CreateVector(std::vector<Offset>{tensor(b, "image"), tensor(b, "result")});
  const auto ops = b.CreateVector(std::vector<Offset>{one_op(b)});
  const auto ins = b.CreateVector(std::vector<int32_t>{0});
  const auto outs = b.CreateVector(std::vector<int32_t>{1});
  const auto graph_start = b.StartTable();
  b.AddOffset(s::vt(s::subgraph::kTensors), tensors);
  b.AddOffset(s::vt(s::subgraph::kInputs), ins);
  b.AddOffset(s::vt(s::subgraph::kOutputs), outs);
  b.AddOffset(s::vt(s::subgraph::kOperators), ops);
  const Offset graph(b.EndTable(graph_start));
  const auto graphs = b.CreateVector(std::vector<Offset>{graph});
  const auto codes = b.CreateVector(std::vector<Offset>{opcode(b, builtin_code, custom_code)});
  const auto buffers = b.CreateVector(std::vector<Offset>{empty_buffer(b)});
  const auto model_start = b.StartTable();
  b.AddElement<uint32_t>(s::vt(s::model::kVersion), 3, 0);
  b.AddOffset(s::vt(s::model::kOperatorCodes), codes);
  b.AddOffset(s::vt(s::model::kSubgraphs), graphs);
  b.AddOffset(s::vt(s::model::kBuffers), buffers);
  b.Finish(flatbuffers::Offset<flatbuffers::Table>(b.EndTable(model_start)), "TFL3");
  const auto path = dir / ("op_" + std::to_string(builtin_code) + custom_code + ".tflite");
  std::ofstream(path, std::ios::binary)
      .write(reinterpret_cast<const char*>(b.GetBufferPointer()), b.GetSize());
  return path;
}

}  // namespace am::test

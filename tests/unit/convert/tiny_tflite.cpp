#include "tiny_tflite.hpp"

#include <fstream>

#include <flatbuffers/flatbuffers.h>

#include "convert/tflite_schema.hpp"

namespace am::test {
namespace {

namespace s = am::tflite;
using Offset = flatbuffers::Offset<void>;

Offset tensor(flatbuffers::FlatBufferBuilder& b, const TinyTensor& t) {
  const auto shape = b.CreateVector(t.shape);
  const auto n = b.CreateString(t.name);
  const auto start = b.StartTable();
  b.AddOffset(s::vt(s::tensor::kShape), shape);
  b.AddElement<int8_t>(s::vt(s::tensor::kType), 0, -1);
  b.AddElement<uint32_t>(s::vt(s::tensor::kBuffer), 0, 1);
  b.AddOffset(s::vt(s::tensor::kName), n);
  return Offset(b.EndTable(start));
}

Offset opcode(flatbuffers::FlatBufferBuilder& b, const TinyOp& op) {
  const auto custom_name = op.custom_code.empty() ? flatbuffers::Offset<flatbuffers::String>()
                                                  : b.CreateString(op.custom_code);
  const auto start = b.StartTable();
  b.AddElement<int8_t>(s::vt(s::opcode::kDeprecatedBuiltinCode),
                       static_cast<int8_t>(op.builtin_code < 127 ? op.builtin_code : 127), -1);
  if (!op.custom_code.empty()) b.AddOffset(s::vt(s::opcode::kCustomCode), custom_name);
  b.AddElement<int32_t>(s::vt(s::opcode::kVersion), op.version, -1);
  b.AddElement<int32_t>(s::vt(s::opcode::kBuiltinCode), op.builtin_code, -1);
  return Offset(b.EndTable(start));
}

Offset operator_table(flatbuffers::FlatBufferBuilder& b, const TinyOp& op) {
  const auto ins = b.CreateVector(op.inputs);
  const auto outs = b.CreateVector(op.outputs);
  const auto options = b.CreateVector(op.custom_options);
  const auto start = b.StartTable();
  b.AddElement<uint32_t>(s::vt(s::op::kOpcodeIndex), 0, 1);
  b.AddOffset(s::vt(s::op::kInputs), ins);
  b.AddOffset(s::vt(s::op::kOutputs), outs);
  if (!op.custom_options.empty()) b.AddOffset(s::vt(s::op::kCustomOptions), options);
  return Offset(b.EndTable(start));
}

Offset empty_buffer(flatbuffers::FlatBufferBuilder& b) {
  return Offset(b.EndTable(b.StartTable()));
}

}  // namespace

std::filesystem::path write_model(const std::filesystem::path& file,
                                  const std::vector<TinyTensor>& tensors, const TinyOp& op,
                                  const std::vector<int32_t>& graph_inputs,
                                  const std::vector<int32_t>& graph_outputs) {
  flatbuffers::FlatBufferBuilder b;
  std::vector<Offset> tensor_tables;
  for (const TinyTensor& t : tensors) tensor_tables.push_back(tensor(b, t));
  const auto tensor_vector = b.CreateVector(tensor_tables);
  const auto ops = b.CreateVector(std::vector<Offset>{operator_table(b, op)});
  const auto ins = b.CreateVector(graph_inputs);
  const auto outs = b.CreateVector(graph_outputs);
  const auto graph_start = b.StartTable();
  b.AddOffset(s::vt(s::subgraph::kTensors), tensor_vector);
  b.AddOffset(s::vt(s::subgraph::kInputs), ins);
  b.AddOffset(s::vt(s::subgraph::kOutputs), outs);
  b.AddOffset(s::vt(s::subgraph::kOperators), ops);
  const Offset graph(b.EndTable(graph_start));
  const auto graphs = b.CreateVector(std::vector<Offset>{graph});
  const auto codes = b.CreateVector(std::vector<Offset>{opcode(b, op)});
  const auto buffers = b.CreateVector(std::vector<Offset>{empty_buffer(b)});
  const auto model_start = b.StartTable();
  b.AddElement<uint32_t>(s::vt(s::model::kVersion), 3, 0);
  b.AddOffset(s::vt(s::model::kOperatorCodes), codes);
  b.AddOffset(s::vt(s::model::kSubgraphs), graphs);
  b.AddOffset(s::vt(s::model::kBuffers), buffers);
  b.Finish(flatbuffers::Offset<flatbuffers::Table>(b.EndTable(model_start)), "TFL3");
  std::ofstream(file, std::ios::binary)
      .write(reinterpret_cast<const char*>(b.GetBufferPointer()), b.GetSize());
  return file;
}

std::filesystem::path write_one_op_model(const std::filesystem::path& dir, int32_t builtin_code,
                                         const std::string& custom_code) {
  TinyOp op;
  op.builtin_code = builtin_code;
  op.custom_code = custom_code;
  op.inputs = {0};
  op.outputs = {1};
  return write_model(dir / ("op_" + std::to_string(builtin_code) + custom_code + ".tflite"),
                     {{"image", {1, 4, 4, 2}}, {"result", {1, 4, 4, 2}}}, op, {0}, {1});
}

}  // namespace am::test

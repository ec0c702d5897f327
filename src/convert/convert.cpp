#include "convert/convert.hpp"

#include <chrono>
#include <fstream>
#include <system_error>

#include <unistd.h>

#include "convert/lowering.hpp"

namespace am {
namespace {

const std::vector<int64_t> kToNchw = {0, 3, 1, 2};
const std::vector<int64_t> kToNhwc = {0, 2, 3, 1};

void check_float_interface(const tflite::Model& m, const std::vector<int>& tensors,
                           const std::string& source) {
  for (int t : tensors) {
    if (m.tensors.at(t).type != tflite::TensorType::Float32) {
      throw ConvertError("cannot convert TFLite model " + source + ": graph tensor '" +
                         m.tensors[t].name +
                         "' is not float32 (quantized models are not supported)");
    }
  }
}

// Graph inputs keep their names and NHWC shapes; rank-4 ones are transposed to NCHW inside.
void add_graph_inputs(const tflite::Model& m, OnnxGraph& g, Lowering& l, ConvertReport& report) {
  for (int t : m.inputs) {
    const auto& tensor = m.tensors[t];
    const std::string name = g.unique(tensor.name);
    g.add_input(name, tensor.shape);
    report.inputs.push_back({tensor.name, tensor.shape});
    if (tensor.shape.size() != 4) {
      l.define_as(t, name);
      continue;
    }
    const std::string nchw = g.unique(name + "_nchw");
    set_attr(g.add_node("Transpose", {name}, {nchw}), "perm", kToNchw);
    l.define_as(t, nchw);
  }
}

// Reserves the output names so no internal value takes them; non-rank-4 outputs are written
// under their own name directly.
void reserve_graph_outputs(const tflite::Model& m, OnnxGraph& g, Lowering& l) {
  for (int t : m.outputs) {
    const std::string name = g.unique(m.tensors[t].name);
    if (m.tensors[t].shape.size() != 4) l.fix_name(t, name);
  }
}

void add_graph_outputs(const tflite::Model& m, OnnxGraph& g, Lowering& l, ConvertReport& report) {
  for (int t : m.outputs) {
    const auto& tensor = m.tensors[t];
    if (tensor.shape.size() == 4) {
      set_attr(g.add_node("Transpose", {l.input(t)}, {tensor.name}), "perm", kToNhwc);
    }
    g.add_output(tensor.name, tensor.shape);
    report.outputs.push_back({tensor.name, tensor.shape});
  }
}

void write_atomically(const onnx::ModelProto& model, const std::filesystem::path& out) {
  const auto fail = [&](const std::string& what) {
    throw ConvertError("cannot write ONNX model " + out.string() + ": " + what +
                       " (check the folder exists and is writable, and the disk has space)");
  };
  std::error_code ec;
  if (out.has_parent_path()) std::filesystem::create_directories(out.parent_path(), ec);
  auto temp = out;
  temp += ".tmp-" + std::to_string(::getpid());
  {
    std::ofstream file(temp, std::ios::binary | std::ios::trunc);
    if (!file || !model.SerializeToOstream(&file) || !file.flush()) {
      std::filesystem::remove(temp, ec);
      fail("writing the temporary file failed");
    }
  }
  std::filesystem::rename(temp, out, ec);
  if (ec) {
    std::filesystem::remove(temp, ec);
    fail("renaming the temporary file failed");
  }
}

}  // namespace

ConvertReport convert_tflite_to_onnx(const std::filesystem::path& tflite_path,
                                     const std::filesystem::path& onnx_out) {
  const auto start = std::chrono::steady_clock::now();
  const std::string source = tflite_path.string();
  const tflite::Model m = tflite::load_tflite(tflite_path);
  check_float_interface(m, m.inputs, source);
  check_float_interface(m, m.outputs, source);

  onnx::ModelProto model;
  model.set_ir_version(8);
  model.set_producer_name("avatar-mirror");
  model.set_producer_version(AM_VERSION);
  model.add_opset_import()->set_version(17);
  auto* graph = model.mutable_graph();
  graph->set_name(tflite_path.stem().string());

  ConvertReport report;
  OnnxGraph g(*graph);
  Lowering l(m, g, source);
  add_graph_inputs(m, g, l, report);
  reserve_graph_outputs(m, g, l);
  for (const auto& op : m.ops) {
    ++report.op_histogram[tflite::op_name(op)];
    lower_op(l, op);
  }
  add_graph_outputs(m, g, l, report);
  report.node_count = g.node_count();
  write_atomically(model, onnx_out);
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

}  // namespace am

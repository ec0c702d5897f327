// Reads TFLite flatbuffers through flatbuffers::Table with the field ids of tflite_schema.hpp.
#include <algorithm>
#include <fstream>
#include <iterator>

#include <flatbuffers/flatbuffers.h>

#include "convert/convert_error.hpp"
#include "convert/tflite_model.hpp"

namespace am::tflite {
namespace {

using flatbuffers::Table;
template <typename T>
using Vec = flatbuffers::Vector<T>;
using TableVec = Vec<flatbuffers::Offset<Table>>;

template <typename T>
T field(const Table* t, int id, T fallback) {
  return t ? t->GetField<T>(vt(id), fallback) : fallback;
}

template <typename P>
const P* pointer(const Table* t, int id) {
  return t ? t->GetPointer<const P*>(vt(id)) : nullptr;
}

template <typename Out, typename In>
std::vector<Out> vector_of(const Vec<In>* v) {
  std::vector<Out> out;
  if (v) out.assign(v->begin(), v->end());
  return out;
}

std::string string_of(const Table* t, int id) {
  const auto* s = pointer<flatbuffers::String>(t, id);
  return s ? s->str() : std::string();
}

std::vector<int32_t> index_vector(const Table* dim, int type_id, int values_id) {
  const auto type = static_cast<IndexVectorType>(field<uint8_t>(dim, type_id, 0));
  const Table* holder = pointer<Table>(dim, values_id);
  switch (type) {
    case IndexVectorType::Int32:
      return vector_of<int32_t>(pointer<Vec<int32_t>>(holder, kSparseIndexValues));
    case IndexVectorType::Uint16:
      return vector_of<int32_t>(pointer<Vec<uint16_t>>(holder, kSparseIndexValues));
    case IndexVectorType::Uint8:
      return vector_of<int32_t>(pointer<Vec<uint8_t>>(holder, kSparseIndexValues));
    case IndexVectorType::None:
      break;
  }
  return {};
}

std::optional<Sparsity> read_sparsity(const Table* t) {
  if (!t) return std::nullopt;
  Sparsity s;
  s.traversal_order = vector_of<int>(pointer<Vec<int32_t>>(t, sparsity::kTraversalOrder));
  s.block_map = vector_of<int>(pointer<Vec<int32_t>>(t, sparsity::kBlockMap));
  if (const auto* dims = pointer<TableVec>(t, sparsity::kDimMetadata)) {
    for (const Table* d : *dims) {
      DimensionMetadata m;
      m.format = static_cast<DimType>(field<int8_t>(d, dim_metadata::kFormat, 0));
      m.dense_size = field<int32_t>(d, dim_metadata::kDenseSize, 0);
      m.segments = index_vector(d, dim_metadata::kArraySegmentsType, dim_metadata::kArraySegments);
      m.indices = index_vector(d, dim_metadata::kArrayIndicesType, dim_metadata::kArrayIndices);
      s.dims.push_back(std::move(m));
    }
  }
  return s;
}

TensorDef read_tensor(const Table* t, const TableVec* buffers) {
  TensorDef def;
  def.name = string_of(t, tensor::kName);
  def.shape = vector_of<int64_t>(pointer<Vec<int32_t>>(t, tensor::kShape));
  def.type = static_cast<TensorType>(field<int8_t>(t, tensor::kType, 0));
  const auto buffer_index = field<uint32_t>(t, tensor::kBuffer, 0);
  if (buffers && buffer_index < buffers->size()) {
    def.data = vector_of<uint8_t>(pointer<Vec<uint8_t>>(buffers->Get(buffer_index), buffer::kData));
  }
  def.sparsity = read_sparsity(pointer<Table>(t, tensor::kSparsity));
  return def;
}

void read_conv_options(const Table* t, OpOptions& o) {
  o.padding = static_cast<Padding>(field<int8_t>(t, conv_opts::kPadding, 0));
  o.stride_w = field<int32_t>(t, conv_opts::kStrideW, 1);
  o.stride_h = field<int32_t>(t, conv_opts::kStrideH, 1);
  o.activation = static_cast<Activation>(field<int8_t>(t, conv_opts::kActivation, 0));
  o.dilation_w = field<int32_t>(t, conv_opts::kDilationW, 1);
  o.dilation_h = field<int32_t>(t, conv_opts::kDilationH, 1);
}

void read_depthwise_options(const Table* t, OpOptions& o) {
  o.padding = static_cast<Padding>(field<int8_t>(t, dw_opts::kPadding, 0));
  o.stride_w = field<int32_t>(t, dw_opts::kStrideW, 1);
  o.stride_h = field<int32_t>(t, dw_opts::kStrideH, 1);
  o.depth_multiplier = field<int32_t>(t, dw_opts::kDepthMultiplier, 1);
  o.activation = static_cast<Activation>(field<int8_t>(t, dw_opts::kActivation, 0));
  o.dilation_w = field<int32_t>(t, dw_opts::kDilationW, 1);
  o.dilation_h = field<int32_t>(t, dw_opts::kDilationH, 1);
}

void read_pool_options(const Table* t, OpOptions& o) {
  o.padding = static_cast<Padding>(field<int8_t>(t, pool_opts::kPadding, 0));
  o.stride_w = field<int32_t>(t, pool_opts::kStrideW, 1);
  o.stride_h = field<int32_t>(t, pool_opts::kStrideH, 1);
  o.filter_w = field<int32_t>(t, pool_opts::kFilterW, 1);
  o.filter_h = field<int32_t>(t, pool_opts::kFilterH, 1);
  o.activation = static_cast<Activation>(field<int8_t>(t, pool_opts::kActivation, 0));
}

OpOptions read_options(int32_t code, const Table* t) {
  OpOptions o;
  switch (code) {
    case kConv2d:
      read_conv_options(t, o);
      break;
    case kDepthwiseConv2d:
      read_depthwise_options(t, o);
      break;
    case kAveragePool2d:
    case kMaxPool2d:
      read_pool_options(t, o);
      break;
    case kConcatenation:
      o.axis = field<int32_t>(t, concat_opts::kAxis, 0);
      o.activation = static_cast<Activation>(field<int8_t>(t, concat_opts::kActivation, 0));
      break;
    case kAdd:
    case kMul:
    case kSub:
      o.activation = static_cast<Activation>(field<int8_t>(t, kElementwiseActivation, 0));
      break;
    case kReshape:
      o.new_shape = vector_of<int64_t>(pointer<Vec<int32_t>>(t, reshape_opts::kNewShape));
      break;
    case kResizeBilinear:
      o.align_corners = field<uint8_t>(t, resize_opts::kAlignCorners, 0) != 0;
      o.half_pixel_centers = field<uint8_t>(t, resize_opts::kHalfPixelCenters, 0) != 0;
      break;
    case kStridedSlice:
      o.begin_mask = field<int32_t>(t, strided_slice_opts::kBeginMask, 0);
      o.end_mask = field<int32_t>(t, strided_slice_opts::kEndMask, 0);
      o.other_slice_masks = field<int32_t>(t, strided_slice_opts::kEllipsisMask, 0) |
                            field<int32_t>(t, strided_slice_opts::kNewAxisMask, 0) |
                            field<int32_t>(t, strided_slice_opts::kShrinkAxisMask, 0);
      break;
    case kDepthToSpace:
      o.block_size = field<int32_t>(t, d2s_opts::kBlockSize, 0);
      break;
    default:
      break;
  }
  return o;
}

OpDef read_op(const Table* t, const TableVec* opcodes, const std::string& source) {
  OpDef op;
  const auto index = field<uint32_t>(t, op::kOpcodeIndex, 0);
  if (!opcodes || index >= opcodes->size()) {
    throw ConvertError("TFLite model " + source + " has an operator with opcode index " +
                       std::to_string(index) +
                       " out of range: the file is damaged, fetch it again");
  }
  const Table* code = opcodes->Get(index);
  op.builtin = std::max<int32_t>(field<int8_t>(code, opcode::kDeprecatedBuiltinCode, 0),
                                 field<int32_t>(code, opcode::kBuiltinCode, 0));
  op.custom_code = string_of(code, opcode::kCustomCode);
  op.version = field<int32_t>(code, opcode::kVersion, 1);
  op.inputs = vector_of<int>(pointer<Vec<int32_t>>(t, op::kInputs));
  op.outputs = vector_of<int>(pointer<Vec<int32_t>>(t, op::kOutputs));
  op.options = read_options(op.builtin, pointer<Table>(t, op::kBuiltinOptions));
  op.options.custom = vector_of<uint8_t>(pointer<Vec<uint8_t>>(t, op::kCustomOptions));
  return op;
}

}  // namespace

std::string op_name(const OpDef& op) {
  return op.builtin == kCustom ? op.custom_code : builtin_name(op.builtin);
}

Model read_tflite(std::span<const uint8_t> bytes, const std::string& source) {
  if (bytes.size() < 8 || !flatbuffers::BufferHasIdentifier(bytes.data(), "TFL3")) {
    throw ConvertError(
        "file " + source +
        " is not a TFLite model (no TFL3 identifier): check the path or fetch it again");
  }
  const auto* root = flatbuffers::GetRoot<Table>(bytes.data());
  const auto* subgraphs = pointer<TableVec>(root, model::kSubgraphs);
  if (!subgraphs || subgraphs->size() == 0) {
    throw ConvertError("TFLite model " + source + " has no subgraph: the file is damaged");
  }
  const auto* buffers = pointer<TableVec>(root, model::kBuffers);
  const auto* opcodes = pointer<TableVec>(root, model::kOperatorCodes);
  const Table* graph = subgraphs->Get(0);
  Model m;
  if (const auto* tensors = pointer<TableVec>(graph, subgraph::kTensors)) {
    for (const Table* t : *tensors) m.tensors.push_back(read_tensor(t, buffers));
  }
  if (const auto* ops = pointer<TableVec>(graph, subgraph::kOperators)) {
    for (const Table* t : *ops) m.ops.push_back(read_op(t, opcodes, source));
  }
  m.inputs = vector_of<int>(pointer<Vec<int32_t>>(graph, subgraph::kInputs));
  m.outputs = vector_of<int>(pointer<Vec<int32_t>>(graph, subgraph::kOutputs));
  return m;
}

Model load_tflite(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw ConvertError(
        "cannot open TFLite model " + path.string() +
        ": check the path (run 'avatar-mirror models fetch' for the bundled models)");
  }
  const std::vector<uint8_t> bytes{std::istreambuf_iterator<char>(in), {}};
  return read_tflite(bytes, path.string());
}

}  // namespace am::tflite

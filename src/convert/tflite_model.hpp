// A TFLite model as plain structs: the first subgraph's tensors (with constant data and sparsity
// parameters), its operators with the options the converter needs, and the graph inputs and
// outputs. read_tflite() parses flatbuffer bytes with our own minimal table definitions
// (tflite_schema.hpp); it throws ConvertError naming `source` when the bytes are not a TFLite
// model it can read.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "convert/tflite_schema.hpp"

namespace am::tflite {

struct DimensionMetadata {
  DimType format = DimType::Dense;
  int dense_size = 0;
  std::vector<int32_t> segments;  // SPARSE_CSR only
  std::vector<int32_t> indices;   // SPARSE_CSR only
};

struct Sparsity {
  std::vector<int> traversal_order;
  std::vector<int> block_map;
  std::vector<DimensionMetadata> dims;  // one per entry of traversal_order
};

struct TensorDef {
  std::string name;
  std::vector<int64_t> shape;
  TensorType type = TensorType::Float32;
  std::vector<uint8_t> data;  // empty unless constant
  std::optional<Sparsity> sparsity;
};

struct OpOptions {
  Padding padding = Padding::Same;
  int stride_w = 1, stride_h = 1;
  int dilation_w = 1, dilation_h = 1;
  int filter_w = 0, filter_h = 0;
  int depth_multiplier = 1;
  int axis = 0;
  int block_size = 0;
  Activation activation = Activation::None;
  bool align_corners = false;
  bool half_pixel_centers = false;
  std::vector<int64_t> new_shape;
  int begin_mask = 0, end_mask = 0;  // STRIDED_SLICE: bit i set = axis i takes its full range
  int other_slice_masks = 0;         // STRIDED_SLICE: ellipsis, new-axis and shrink masks ORed
  std::vector<uint8_t> custom;       // raw custom_options bytes
};

struct OpDef {
  int32_t builtin = 0;
  std::string custom_code;  // set when builtin == kCustom
  int version = 1;          // the operator code's version
  std::vector<int> inputs;  // tensor indices, -1 = optional input left out
  std::vector<int> outputs;
  OpOptions options;
};

struct Model {
  std::vector<TensorDef> tensors;
  std::vector<OpDef> ops;
  std::vector<int> inputs;
  std::vector<int> outputs;
};

// "CONV_2D", or the custom code for CUSTOM operators.
std::string op_name(const OpDef& op);

Model read_tflite(std::span<const uint8_t> bytes, const std::string& source);
Model load_tflite(const std::filesystem::path& path);

}  // namespace am::tflite

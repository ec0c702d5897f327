// Field ids and enum values of the public TFLite flatbuffer schema (tensorflow/lite/schema/
// schema.fbs) for the few tables the converter reads. Our own minimal definitions: no generated
// code. A field's vtable offset is 4 + 2 * id.
#pragma once

#include <cstdint>
#include <string>

namespace am::tflite {

constexpr uint16_t vt(int field_id) { return static_cast<uint16_t>(4 + 2 * field_id); }

namespace model {
constexpr int kVersion = 0, kOperatorCodes = 1, kSubgraphs = 2, kDescription = 3, kBuffers = 4;
}
namespace subgraph {
constexpr int kTensors = 0, kInputs = 1, kOutputs = 2, kOperators = 3, kName = 4;
}
namespace tensor {
constexpr int kShape = 0, kType = 1, kBuffer = 2, kName = 3, kQuantization = 4, kIsVariable = 5,
              kSparsity = 6, kShapeSignature = 7;
}
namespace op {
constexpr int kOpcodeIndex = 0, kInputs = 1, kOutputs = 2, kBuiltinOptionsType = 3,
              kBuiltinOptions = 4, kCustomOptions = 5;
}
namespace opcode {
constexpr int kDeprecatedBuiltinCode = 0, kCustomCode = 1, kVersion = 2, kBuiltinCode = 3;
}
namespace buffer {
constexpr int kData = 0;
}
namespace sparsity {
constexpr int kTraversalOrder = 0, kBlockMap = 1, kDimMetadata = 2;
}
namespace dim_metadata {
constexpr int kFormat = 0, kDenseSize = 1, kArraySegmentsType = 2, kArraySegments = 3,
              kArrayIndicesType = 4, kArrayIndices = 5;
}
// Int32Vector, Uint16Vector and Uint8Vector each hold one field: values.
constexpr int kSparseIndexValues = 0;

// Options tables (field ids in schema order).
namespace conv_opts {
constexpr int kPadding = 0, kStrideW = 1, kStrideH = 2, kActivation = 3, kDilationW = 4,
              kDilationH = 5;
}
namespace dw_opts {
constexpr int kPadding = 0, kStrideW = 1, kStrideH = 2, kDepthMultiplier = 3, kActivation = 4,
              kDilationW = 5, kDilationH = 6;
}
namespace pool_opts {
constexpr int kPadding = 0, kStrideW = 1, kStrideH = 2, kFilterW = 3, kFilterH = 4, kActivation = 5;
}
namespace concat_opts {
constexpr int kAxis = 0, kActivation = 1;
}
// AddOptions, MulOptions, SubOptions: fused_activation_function is field 0.
constexpr int kElementwiseActivation = 0;
namespace reshape_opts {
constexpr int kNewShape = 0;
}
namespace resize_opts {
constexpr int kAlignCorners = 2, kHalfPixelCenters = 3;  // 0, 1: deprecated new_height/new_width
}
namespace strided_slice_opts {
constexpr int kBeginMask = 0, kEndMask = 1, kEllipsisMask = 2, kNewAxisMask = 3,
              kShrinkAxisMask = 4;
}
namespace d2s_opts {
constexpr int kBlockSize = 0;
}

enum class TensorType : int8_t {
  Float32 = 0,
  Float16 = 1,
  Int32 = 2,
  UInt8 = 3,
  Int64 = 4,
  String = 5,
  Bool = 6,
  Int16 = 7,
  Complex64 = 8,
  Int8 = 9,
  Float64 = 10
};

enum class Padding : int8_t { Same = 0, Valid = 1 };

enum class Activation : int8_t {
  None = 0,
  Relu = 1,
  ReluN1To1 = 2,
  Relu6 = 3,
  Tanh = 4,
  SignBit = 5
};

enum class DimType : int8_t { Dense = 0, SparseCsr = 1 };

// SparseIndexVector union tags.
enum class IndexVectorType : uint8_t { None = 0, Int32 = 1, Uint16 = 2, Uint8 = 3 };

enum Builtin : int32_t {
  kAdd = 0,
  kAveragePool2d = 1,
  kConcatenation = 2,
  kConv2d = 3,
  kDepthwiseConv2d = 4,
  kDepthToSpace = 5,
  kDequantize = 6,
  kFullyConnected = 9,
  kLogistic = 14,
  kMaxPool2d = 17,
  kMul = 18,
  kRelu = 19,
  kReluN1To1 = 20,
  kRelu6 = 21,
  kReshape = 22,
  kResizeBilinear = 23,
  kSoftmax = 25,
  kTanh = 28,
  kCustom = 32,
  kPad = 34,
  kTranspose = 39,
  kMean = 40,
  kStridedSlice = 45,
  kSub = 41,
  kDiv = 42,
  kPrelu = 54,
  kTransposeConv = 67,
  kAbs = 101,
  kHardSwish = 117,
  kDensify = 124
};

// "CONV_2D" for the operators above, "BUILTIN_<n>" for any other code.
std::string builtin_name(int32_t code);

}  // namespace am::tflite

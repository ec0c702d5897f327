#include "convert/tflite_schema.hpp"

#include <map>

namespace am::tflite {

std::string builtin_name(int32_t code) {
  static const std::map<int32_t, std::string> names = {{kAdd, "ADD"},
                                                       {kAveragePool2d, "AVERAGE_POOL_2D"},
                                                       {kConcatenation, "CONCATENATION"},
                                                       {kConv2d, "CONV_2D"},
                                                       {kDepthwiseConv2d, "DEPTHWISE_CONV_2D"},
                                                       {kDepthToSpace, "DEPTH_TO_SPACE"},
                                                       {kDequantize, "DEQUANTIZE"},
                                                       {kFullyConnected, "FULLY_CONNECTED"},
                                                       {kLogistic, "LOGISTIC"},
                                                       {kMaxPool2d, "MAX_POOL_2D"},
                                                       {kMul, "MUL"},
                                                       {kRelu, "RELU"},
                                                       {kReluN1To1, "RELU_N1_TO_1"},
                                                       {kRelu6, "RELU6"},
                                                       {kReshape, "RESHAPE"},
                                                       {kResizeBilinear, "RESIZE_BILINEAR"},
                                                       {kTanh, "TANH"},
                                                       {kCustom, "CUSTOM"},
                                                       {kPad, "PAD"},
                                                       {kSub, "SUB"},
                                                       {kPrelu, "PRELU"},
                                                       {kHardSwish, "HARD_SWISH"},
                                                       {kDensify, "DENSIFY"},
                                                       {kSoftmax, "SOFTMAX"},
                                                       {kTranspose, "TRANSPOSE"},
                                                       {kMean, "MEAN"},
                                                       {kStridedSlice, "STRIDED_SLICE"},
                                                       {kDiv, "DIV"},
                                                       {kTransposeConv, "TRANSPOSE_CONV"},
                                                       {kAbs, "ABS"}};
  const auto it = names.find(code);
  return it != names.end() ? it->second : "BUILTIN_" + std::to_string(code);
}

}  // namespace am::tflite

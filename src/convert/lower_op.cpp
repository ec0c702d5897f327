// Dispatch from TFLite operator codes to their lowerings; everything else stops the conversion.
#include "convert/lowering.hpp"

namespace am {

namespace {

using namespace tflite;

// DEQUANTIZE (float16 -> float32) and DENSIFY were already applied when the constants were
// decoded: their output is the same constant.
void fold_constant(Lowering& l, const OpDef& op) {
  if (!l.is_constant(op.inputs.at(0)))
    l.fail(op, "reads a tensor computed at run time; only constant weights are supported");
  if (op.builtin == kDequantize && l.model().tensors[op.inputs[0]].type != TensorType::Float16) {
    l.fail(op, "dequantizes an integer tensor; only float16 weights are supported");
  }
  l.alias_constant(op.inputs[0], op.outputs.at(0));
}

void lower_clip(Lowering& l, const OpDef& op, float low, float high) {
  auto& g = l.graph();
  l.emit(op, "Clip", {l.input(op.inputs.at(0)), g.scalar(low), g.scalar(high)}, op.outputs.at(0));
}

bool lower_builtin(Lowering& l, const OpDef& op) {
  switch (op.builtin) {
    case kConv2d:
      lower_conv(l, op);
      break;
    case kDepthwiseConv2d:
      lower_depthwise_conv(l, op);
      break;
    case kAveragePool2d:
      lower_pool(l, op, "AveragePool");
      break;
    case kMaxPool2d:
      lower_pool(l, op, "MaxPool");
      break;
    case kAdd:
      lower_binary(l, op, "Add");
      break;
    case kMul:
      lower_binary(l, op, "Mul");
      break;
    case kSub:
      lower_binary(l, op, "Sub");
      break;
    case kPrelu:
      lower_prelu(l, op);
      break;
    case kLogistic:
      lower_unary(l, op, "Sigmoid");
      break;
    case kRelu:
      lower_unary(l, op, "Relu");
      break;
    case kTanh:
      lower_unary(l, op, "Tanh");
      break;
    case kAbs:
      lower_unary(l, op, "Abs");
      break;
    case kHardSwish:
      lower_unary(l, op, "HardSwish");
      break;
    case kRelu6:
      lower_clip(l, op, 0.0f, 6.0f);
      break;
    case kReluN1To1:
      lower_clip(l, op, -1.0f, 1.0f);
      break;
    case kPad:
      lower_pad(l, op);
      break;
    case kReshape:
      lower_reshape(l, op);
      break;
    case kConcatenation:
      lower_concat(l, op);
      break;
    case kMean:
      lower_mean(l, op);
      break;
    case kStridedSlice:
      lower_strided_slice(l, op);
      break;
    case kResizeBilinear:
      lower_resize_bilinear(l, op);
      break;
    case kDepthToSpace:
      lower_depth_to_space(l, op);
      break;
    case kDequantize:
    case kDensify:
      fold_constant(l, op);
      break;
    default:
      return false;
  }
  return true;
}

}  // namespace

void lower_op(Lowering& l, const OpDef& op) {
  if (op.builtin == kCustom && op.custom_code == "Convolution2DTransposeBias") {
    lower_transpose_conv_bias(l, op);
  } else if (op.builtin == kCustom ? !lower_mediapipe_op(l, op) : !lower_builtin(l, op)) {
    l.fail(op,
           "is not supported by the converter (supported: CONV_2D, DEPTHWISE_CONV_2D, ADD, MUL, "
           "SUB, PAD, MAX_POOL_2D, AVERAGE_POOL_2D, RESHAPE, CONCATENATION, MEAN, LOGISTIC, "
           "RELU, RELU6, RELU_N1_TO_1, TANH, ABS, PRELU, HARD_SWISH, RESIZE_BILINEAR, "
           "DEPTH_TO_SPACE, STRIDED_SLICE, DEQUANTIZE, DENSIFY, Convolution2DTransposeBias, "
           "Landmarks2TransformMatrix, TransformTensorBilinear, TransformLandmarks)");
  }
}

}  // namespace am

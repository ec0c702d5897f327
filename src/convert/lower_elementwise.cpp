// Element-wise operators: ADD, MUL, SUB (with fused activations and constant operands laid out
// for NCHW broadcasting), PRELU, and the one-input activations.
#include "convert/lowering.hpp"

namespace am {

using tflite::OpDef;

namespace {

// The operand in the layout of a rank-`out_rank` result: rank-4 results are NCHW.
std::string operand(Lowering& l, const OpDef& op, int tensor, int out_rank) {
  if (out_rank != 4) return l.input(tensor);
  if (l.is_constant(tensor)) return l.input(tensor, true);
  if (l.rank(tensor) != 4) {
    l.fail(op, "broadcasts a computed tensor of rank " + std::to_string(l.rank(tensor)) +
                   " against a rank-4 tensor, which the converter does not support");
  }
  return l.input(tensor);
}

}  // namespace

void lower_binary(Lowering& l, const OpDef& op, const std::string& onnx_op) {
  if (op.inputs.size() != 2) l.fail(op, "needs exactly two inputs");
  const int out_rank = l.rank(op.outputs[0]);
  l.emit(op, onnx_op,
         {operand(l, op, op.inputs[0], out_rank), operand(l, op, op.inputs[1], out_rank)},
         op.outputs[0], op.options.activation);
}

void lower_unary(Lowering& l, const OpDef& op, const std::string& onnx_op) {
  l.emit(op, onnx_op, {l.input(op.inputs.at(0))}, op.outputs.at(0));
}

void lower_prelu(Lowering& l, const OpDef& op) {
  const int out_rank = l.rank(op.outputs[0]);
  l.constant(op.inputs[1], op);  // a slope computed at run time is not supported
  l.emit(op, "PRelu", {l.input(op.inputs[0]), operand(l, op, op.inputs[1], out_rank)},
         op.outputs[0]);
}

}  // namespace am

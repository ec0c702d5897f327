// STRIDED_SLICE with constant begin, end and strides (begin / end masks honoured; ellipsis,
// new-axis and shrink masks are not supported) as ONNX Slice, axes mapped to NCHW for rank 4.
#include <limits>

#include "convert/lowering.hpp"

namespace am {

void lower_strided_slice(Lowering& l, const tflite::OpDef& op) {
  if (op.inputs.size() != 4) l.fail(op, "needs input, begin, end and strides");
  if (op.options.other_slice_masks != 0)
    l.fail(op, "uses an ellipsis, new-axis or shrink mask, which the converter does not support");
  const auto& begin = l.constant(op.inputs[1], op).ints;
  const auto& end = l.constant(op.inputs[2], op).ints;
  const auto& strides = l.constant(op.inputs[3], op).ints;
  const int rank = l.rank(op.inputs[0]);
  if (static_cast<int>(begin.size()) != rank || end.size() != begin.size() ||
      strides.size() != begin.size()) {
    l.fail(op, "needs begin, end and strides with one value per axis");
  }
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
  constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
  std::vector<int64_t> starts, ends, axes;
  for (int axis = 0; axis < rank; ++axis) {
    const bool forward = strides[axis] > 0;
    starts.push_back((op.options.begin_mask >> axis) & 1 ? (forward ? 0 : kMax) : begin[axis]);
    ends.push_back((op.options.end_mask >> axis) & 1 ? (forward ? kMax : kMin) : end[axis]);
    axes.push_back(rank == 4 ? nchw_axis(axis) : axis);
  }
  auto& g = l.graph();
  const int64_t n = rank;
  l.emit(op, "Slice",
         {l.input(op.inputs[0]), g.add_ints("starts", {n}, starts), g.add_ints("ends", {n}, ends),
          g.add_ints("axes", {n}, axes), g.add_ints("steps", {n}, strides)},
         op.outputs[0]);
}

}  // namespace am

#include "convert/padding.hpp"

#include <algorithm>

namespace am {

namespace {
int effective_kernel(int kernel, int dilation) { return (kernel - 1) * dilation + 1; }
}  // namespace

int tflite_output_size(tflite::Padding padding, int in, int kernel, int stride, int dilation) {
  if (padding == tflite::Padding::Same) return (in + stride - 1) / stride;
  return (in - effective_kernel(kernel, dilation) + stride) / stride;
}

AxisPadding tflite_padding(tflite::Padding padding, int in, int kernel, int stride, int dilation) {
  if (padding != tflite::Padding::Same) return {};
  const int out = tflite_output_size(padding, in, kernel, stride, dilation);
  const int total = std::max((out - 1) * stride + effective_kernel(kernel, dilation) - in, 0);
  return {total / 2, total - total / 2};
}

AxisPadding transpose_conv_padding(tflite::Padding padding, int kernel, int stride) {
  if (padding != tflite::Padding::Same) return {};
  const int total = std::max(kernel - stride, 0);
  return {total / 2, total - total / 2};
}

}  // namespace am

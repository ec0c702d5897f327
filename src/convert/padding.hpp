// TFLite's SAME / VALID padding arithmetic for one spatial axis, as its kernels compute it:
// SAME: out = ceil(in / stride), total = max((out - 1) * stride + effective_kernel - in, 0),
// before = total / 2 (floor), after = the rest; VALID: out = ceil((in - effective_kernel + 1) /
// stride), no padding. effective_kernel = (kernel - 1) * dilation + 1.
#pragma once

#include "convert/tflite_schema.hpp"

namespace am {

struct AxisPadding {
  int before = 0;
  int after = 0;
};

int tflite_output_size(tflite::Padding padding, int in, int kernel, int stride, int dilation);
AxisPadding tflite_padding(tflite::Padding padding, int in, int kernel, int stride, int dilation);

// Padding of a transposed convolution whose output is in * stride (SAME) or
// (in - 1) * stride + kernel (VALID): SAME pads max(kernel - stride, 0) in total, floor half
// before.
AxisPadding transpose_conv_padding(tflite::Padding padding, int kernel, int stride);

}  // namespace am

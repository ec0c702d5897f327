// Decoding of TFLite constant tensors into plain float32 / int64 arrays at conversion time:
// IEEE half-precision weights (what DEQUANTIZE of float16 reads) and sparse weights stored
// with SparsityParameters (what DENSIFY reads), densified exactly as TFLite's FormatConverter does.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "convert/tflite_model.hpp"

namespace am {

// A decoded constant tensor.
struct Constant {
  std::vector<int64_t> shape;
  std::vector<float> floats;  // float tensors
  std::vector<int64_t> ints;  // int32 / int64 tensors
};

// NHWC -> NCHW of a rank-4 float constant; lower ranks are first padded with leading 1s.
Constant nhwc_to_nchw(const Constant& c);
// Generic transpose of a float constant: out axis i = in axis perm[i].
Constant permute(const Constant& c, const std::vector<int>& perm);

// One IEEE 754 binary16 value (bits) as float32: normals, subnormals, zeros, inf and NaN.
float float16_to_float(uint16_t bits);

// The dense row-major values of a sparse tensor of `dense_shape`, given its stored (non-zero)
// values in traversal order. Positions not stored are 0. Throws std::invalid_argument when the
// metadata does not fit the shape or the value count.
std::vector<float> densify(const tflite::Sparsity& sparsity, std::span<const int64_t> dense_shape,
                           std::span<const float> values);

// The stored values of a FLOAT32 or FLOAT16 tensor as float32 (sparse tensors: the stored
// values only). Throws std::invalid_argument for other types or a size mismatch.
std::vector<float> decode_floats(const tflite::TensorDef& tensor);

// The values of an INT32 or INT64 tensor. Throws std::invalid_argument for other types.
std::vector<int64_t> decode_ints(const tflite::TensorDef& tensor);

}  // namespace am

#include "convert/constant_data.hpp"

#include <bit>
#include <cstring>
#include <functional>
#include <numeric>
#include <stdexcept>
#include <string>

namespace am {
namespace {

template <typename T>
std::vector<T> read_raw(std::span<const uint8_t> bytes) {
  if (bytes.size() % sizeof(T) != 0) {
    throw std::invalid_argument("buffer size " + std::to_string(bytes.size()) +
                                " is not a multiple of the element size");
  }
  std::vector<T> out(bytes.size() / sizeof(T));
  std::memcpy(out.data(), bytes.data(), bytes.size());
  return out;
}

int64_t element_count(std::span<const int64_t> shape) {
  return std::accumulate(shape.begin(), shape.end(), int64_t{1}, std::multiplies<>());
}

// Walks the sparse levels the way TFLite's FormatConverter::Populate does.
class Densifier {
 public:
  Densifier(const tflite::Sparsity& s, std::span<const int64_t> shape,
            std::span<const float> values, std::vector<float>& out)
      : s_(s), shape_(shape), values_(values), out_(out), index_(s.traversal_order.size()) {}

  void run() {
    visit(0, 0);
    if (next_ != values_.size()) {
      throw std::invalid_argument("sparse tensor stores " + std::to_string(values_.size()) +
                                  " values but its metadata addresses " + std::to_string(next_));
    }
  }

 private:
  void visit(size_t level, int prev) {
    if (level == index_.size()) return store();
    const tflite::DimensionMetadata& dim = s_.dims.at(level);
    if (dim.format == tflite::DimType::Dense) {
      for (int i = 0; i < dim.dense_size; ++i) {
        index_[level] = i;
        visit(level + 1, prev * dim.dense_size + i);
      }
      return;
    }
    if (static_cast<size_t>(prev) + 1 >= dim.segments.size()) return;
    for (int i = dim.segments[prev]; i < dim.segments[prev + 1]; ++i) {
      index_[level] = dim.indices.at(i);
      visit(level + 1, i);
    }
  }

  void store() {
    const size_t rank = shape_.size();
    std::vector<int64_t> pos(rank, 0);
    for (size_t i = 0; i < rank; ++i) pos.at(s_.traversal_order[i]) = index_[i];
    for (size_t i = rank; i < index_.size(); ++i) {
      const size_t block = s_.traversal_order[i] - rank;
      const int dim = s_.block_map.at(block);
      pos.at(dim) = pos[dim] * s_.dims.at(rank + block).dense_size + index_[i];
    }
    int64_t flat = 0;
    for (size_t d = 0; d < rank; ++d) {
      if (pos[d] >= shape_[d]) throw std::invalid_argument("sparse index outside the dense shape");
      flat = flat * shape_[d] + pos[d];
    }
    if (next_ >= values_.size())
      throw std::invalid_argument("sparse metadata addresses too many values");
    out_[flat] = values_[next_++];
  }

  const tflite::Sparsity& s_;
  std::span<const int64_t> shape_;
  std::span<const float> values_;
  std::vector<float>& out_;
  std::vector<int> index_;
  size_t next_ = 0;
};

}  // namespace

Constant permute(const Constant& c, const std::vector<int>& perm) {
  const size_t rank = c.shape.size();
  Constant out;
  for (int p : perm) out.shape.push_back(c.shape.at(p));
  std::vector<int64_t> in_stride(rank, 1);
  for (size_t d = rank; d-- > 1;) in_stride[d - 1] = in_stride[d] * c.shape[d];
  out.floats.resize(c.floats.size());
  std::vector<int64_t> index(rank, 0);  // position in the output
  for (float& value : out.floats) {
    int64_t src = 0;
    for (size_t d = 0; d < rank; ++d) src += index[d] * in_stride[perm[d]];
    value = c.floats[src];
    for (size_t d = rank; d-- > 0;) {
      if (++index[d] < out.shape[d]) break;
      index[d] = 0;
    }
  }
  return out;
}

Constant nhwc_to_nchw(const Constant& c) {
  Constant padded = c;
  while (padded.shape.size() < 4) padded.shape.insert(padded.shape.begin(), 1);
  return permute(padded, {0, 3, 1, 2});
}

float float16_to_float(uint16_t bits) {
  const uint32_t sign = static_cast<uint32_t>(bits & 0x8000u) << 16;
  const uint32_t exponent = (bits >> 10) & 0x1fu;
  const uint32_t mantissa = bits & 0x3ffu;
  if (exponent == 0x1f) return std::bit_cast<float>(sign | 0x7f800000u | (mantissa << 13));
  if (exponent != 0)
    return std::bit_cast<float>(sign | ((exponent + 112) << 23) | (mantissa << 13));
  const float magnitude = static_cast<float>(mantissa) * 0x1p-24f;  // zero or subnormal
  return sign ? -magnitude : magnitude;
}

std::vector<float> densify(const tflite::Sparsity& sparsity, std::span<const int64_t> dense_shape,
                           std::span<const float> values) {
  if (sparsity.dims.size() != sparsity.traversal_order.size() ||
      sparsity.traversal_order.size() != dense_shape.size() + sparsity.block_map.size()) {
    throw std::invalid_argument("sparsity metadata does not match the tensor rank");
  }
  std::vector<float> out(element_count(dense_shape), 0.0f);
  Densifier(sparsity, dense_shape, values, out).run();
  return out;
}

std::vector<float> decode_floats(const tflite::TensorDef& tensor) {
  std::vector<float> out;
  if (tensor.type == tflite::TensorType::Float32) {
    out = read_raw<float>(tensor.data);
  } else if (tensor.type == tflite::TensorType::Float16) {
    const auto halves = read_raw<uint16_t>(tensor.data);
    out.reserve(halves.size());
    for (uint16_t h : halves) out.push_back(float16_to_float(h));
  } else {
    throw std::invalid_argument("tensor type " + std::to_string(static_cast<int>(tensor.type)) +
                                " is not float32 or float16");
  }
  if (!tensor.sparsity && static_cast<int64_t>(out.size()) != element_count(tensor.shape)) {
    throw std::invalid_argument("tensor holds " + std::to_string(out.size()) +
                                " values, its shape needs " +
                                std::to_string(element_count(tensor.shape)));
  }
  return out;
}

std::vector<int64_t> decode_ints(const tflite::TensorDef& tensor) {
  if (tensor.type == tflite::TensorType::Int64) return read_raw<int64_t>(tensor.data);
  if (tensor.type != tflite::TensorType::Int32) {
    throw std::invalid_argument("tensor type " + std::to_string(static_cast<int>(tensor.type)) +
                                " is not int32 or int64");
  }
  const auto values = read_raw<int32_t>(tensor.data);
  return {values.begin(), values.end()};
}

}  // namespace am

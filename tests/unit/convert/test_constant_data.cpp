#include <cmath>
#include <limits>
#include <stdexcept>

#include <gtest/gtest.h>

#include "convert/constant_data.hpp"

namespace am {
namespace {

using tflite::DimensionMetadata;
using tflite::DimType;

TEST(Float16, DecodesNormalsSubnormalsAndSpecials) {
  EXPECT_EQ(float16_to_float(0x3c00), 1.0f);
  EXPECT_EQ(float16_to_float(0xc000), -2.0f);
  EXPECT_EQ(float16_to_float(0x3555), 0.333251953125f);
  EXPECT_EQ(float16_to_float(0x7bff), 65504.0f);
  EXPECT_EQ(float16_to_float(0x0001), std::ldexp(1.0f, -24));  // smallest subnormal
  EXPECT_EQ(float16_to_float(0x0400), std::ldexp(1.0f, -14));  // smallest normal
  EXPECT_EQ(float16_to_float(0x0000), 0.0f);
  EXPECT_TRUE(std::signbit(float16_to_float(0x8000)));
  EXPECT_EQ(float16_to_float(0x7c00), std::numeric_limits<float>::infinity());
  EXPECT_TRUE(std::isnan(float16_to_float(0x7e00)));
}

TEST(Float16, DecodesAFloat16Tensor) {
  tflite::TensorDef t;
  t.type = tflite::TensorType::Float16;
  t.shape = {2};
  t.data = {0x00, 0x3c, 0x00, 0xc0};  // little-endian 1.0, -2.0
  EXPECT_EQ(decode_floats(t), (std::vector<float>{1.0f, -2.0f}));
  t.shape = {3};
  EXPECT_THROW(decode_floats(t), std::invalid_argument);
}

// The 4x4 example of TFLite's sparsity documentation: rows dense, columns CSR.
TEST(Densify, CsrMatrix) {
  tflite::Sparsity s;
  s.traversal_order = {0, 1};
  s.dims = {DimensionMetadata{DimType::Dense, 4, {}, {}},
            DimensionMetadata{DimType::SparseCsr, 0, {0, 2, 2, 3, 4}, {0, 3, 1, 2}}};
  const std::vector<int64_t> shape = {4, 4};
  const std::vector<float> values = {1, 2, 3, 4};
  const auto dense = densify(s, shape, values);
  const std::vector<float> expected = {1, 0, 0, 2, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 4, 0};
  EXPECT_EQ(dense, expected);
}

// 2x4 matrix stored as 1x2 blocks: block rows dense, block columns CSR, in-block dense.
TEST(Densify, BlockSparseWithTraversalOrder) {
  tflite::Sparsity s;
  s.traversal_order = {0, 1, 2};
  s.block_map = {1};
  s.dims = {DimensionMetadata{DimType::Dense, 2, {}, {}},
            DimensionMetadata{DimType::SparseCsr, 0, {0, 1, 2}, {1, 0}},
            DimensionMetadata{DimType::Dense, 2, {}, {}}};
  const std::vector<int64_t> shape = {2, 4};
  const std::vector<float> values = {5, 6, 7, 8};
  const auto dense = densify(s, shape, values);
  const std::vector<float> expected = {0, 0, 5, 6, 7, 8, 0, 0};
  EXPECT_EQ(dense, expected);
}

TEST(Densify, TransposedTraversal) {
  tflite::Sparsity s;
  s.traversal_order = {1, 0};  // column-major storage
  s.dims = {DimensionMetadata{DimType::Dense, 3, {}, {}},
            DimensionMetadata{DimType::Dense, 2, {}, {}}};
  const std::vector<int64_t> shape = {2, 3};
  const std::vector<float> values = {1, 4, 2, 5, 3, 6};
  EXPECT_EQ(densify(s, shape, values), (std::vector<float>{1, 2, 3, 4, 5, 6}));
}

TEST(Densify, RejectsAValueCountThatDoesNotMatch) {
  tflite::Sparsity s;
  s.traversal_order = {0};
  s.dims = {DimensionMetadata{DimType::Dense, 3, {}, {}}};
  const std::vector<int64_t> shape = {3};
  const std::vector<float> two = {1, 2};
  EXPECT_THROW(densify(s, shape, two), std::invalid_argument);
}

TEST(Layout, NhwcToNchwMovesChannelsFirst) {
  Constant c{{1, 1, 2, 3}, {0, 1, 2, 10, 11, 12}, {}};  // w=0: c0..2, w=1: c0..2
  const Constant n = nhwc_to_nchw(c);
  EXPECT_EQ(n.shape, (std::vector<int64_t>{1, 3, 1, 2}));
  EXPECT_EQ(n.floats, (std::vector<float>{0, 10, 1, 11, 2, 12}));
  const Constant v = nhwc_to_nchw(Constant{{3}, {1, 2, 3}, {}});
  EXPECT_EQ(v.shape, (std::vector<int64_t>{1, 3, 1, 1}));
}

}  // namespace
}  // namespace am

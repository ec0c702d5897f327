#include <gtest/gtest.h>

#include "convert/padding.hpp"

namespace am {
namespace {

using tflite::Padding;

TEST(TflitePadding, SameOddTotalPutsTheExtraRowAfter) {
  // in 224, k 3, stride 2: out 112, total = 111*2 + 3 - 224 = 1 -> 0 before, 1 after.
  EXPECT_EQ(tflite_output_size(Padding::Same, 224, 3, 2, 1), 112);
  const AxisPadding p = tflite_padding(Padding::Same, 224, 3, 2, 1);
  EXPECT_EQ(p.before, 0);
  EXPECT_EQ(p.after, 1);
}

TEST(TflitePadding, SameStrideOneIsSymmetricForOddKernels) {
  const AxisPadding p = tflite_padding(Padding::Same, 64, 5, 1, 1);
  EXPECT_EQ(p.before, 2);
  EXPECT_EQ(p.after, 2);
}

TEST(TflitePadding, SameWithDilationUsesTheEffectiveKernel) {
  // effective kernel (3-1)*2+1 = 5 -> total 4 at stride 1.
  const AxisPadding p = tflite_padding(Padding::Same, 10, 3, 1, 2);
  EXPECT_EQ(p.before, 2);
  EXPECT_EQ(p.after, 2);
}

TEST(TflitePadding, SameNeverPadsNegatively) {
  // in 8, k 1, stride 2: out 4, (4-1)*2 + 1 - 8 = -1 -> 0.
  const AxisPadding p = tflite_padding(Padding::Same, 8, 1, 2, 1);
  EXPECT_EQ(p.before, 0);
  EXPECT_EQ(p.after, 0);
  EXPECT_EQ(tflite_output_size(Padding::Same, 7, 3, 2, 1), 4);
}

TEST(TflitePadding, ValidHasNoPaddingAndShrinks) {
  const AxisPadding p = tflite_padding(Padding::Valid, 10, 3, 2, 1);
  EXPECT_EQ(p.before, 0);
  EXPECT_EQ(p.after, 0);
  EXPECT_EQ(tflite_output_size(Padding::Valid, 10, 3, 2, 1), 4);
  EXPECT_EQ(tflite_output_size(Padding::Valid, 10, 3, 1, 2), 6);
}

TEST(TransposeConvPadding, SameCropsKernelMinusStride) {
  const AxisPadding p = transpose_conv_padding(Padding::Same, 4, 2);
  EXPECT_EQ(p.before, 1);
  EXPECT_EQ(p.after, 1);
  const AxisPadding q = transpose_conv_padding(Padding::Same, 3, 2);
  EXPECT_EQ(q.before, 0);
  EXPECT_EQ(q.after, 1);
  const AxisPadding v = transpose_conv_padding(Padding::Valid, 4, 2);
  EXPECT_EQ(v.before + v.after, 0);
}

}  // namespace
}  // namespace am

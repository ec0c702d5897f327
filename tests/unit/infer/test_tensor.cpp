#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "infer/tensor.hpp"

namespace am {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;

using Shape = std::vector<int64_t>;

TEST(TensorShapes, ElementCountIsProductOfAxes) {
  EXPECT_EQ(element_count(Shape{2, 3, 4}), 24);
  EXPECT_EQ(element_count(Shape{}), 1);
  EXPECT_EQ(element_count(Shape{5, 0}), 0);
}

TEST(TensorShapes, MinusOneMatchesAnySizeButRankMustAgree) {
  EXPECT_TRUE(shapes_compatible(Shape{1, 3, -1}, Shape{1, 3, 224}));
  EXPECT_TRUE(shapes_compatible(Shape{-1, 4}, Shape{7, -1}));
  EXPECT_FALSE(shapes_compatible(Shape{1, 3}, Shape{1, 4}));
  EXPECT_FALSE(shapes_compatible(Shape{1, 3}, Shape{1, 3, 1}));
}

TEST(TensorShapes, MergeFillsOnlyDeclaredWildcardsFromFile) {
  EXPECT_EQ(merge_shapes(Shape{-1, 3, -1}, Shape{1, -1, -1}), (Shape{1, 3, -1}));
}

TEST(TensorShapes, ModelCheckNamesTensorAndBothShapes) {
  const std::vector<TensorSpec> declared = {{"image", {1, 3, 256, 256}}};
  const std::vector<TensorSpec> found = {{"image", {1, 3, 224, 224}}};
  try {
    check_model_tensors("pose", "/m/pose.onnx", "input", declared, found);
    FAIL() << "no InferError";
  } catch (const InferError& e) {
    EXPECT_THAT(e.what(), AllOf(HasSubstr("pose"), HasSubstr("'image'"), HasSubstr("/m/pose.onnx"),
                                HasSubstr("[1, 3, 224, 224]"), HasSubstr("[1, 3, 256, 256]")));
  }
}

TEST(TensorShapes, ModelCheckRejectsMissingAndExtraTensors) {
  const std::vector<TensorSpec> two = {{"a", {1}}, {"b", {1}}};
  const std::vector<TensorSpec> one = {{"a", {1}}};
  EXPECT_THROW(check_model_tensors("m", "f", "output", two, one), InferError);
  EXPECT_THROW(check_model_tensors("m", "f", "output", one, two), InferError);
  EXPECT_NO_THROW(check_model_tensors("m", "f", "output", two, {two[1], two[0]}));
}

TEST(TensorShapes, RunCheckRejectsWildcardInGivenShape) {
  const std::vector<TensorSpec> expected = {{"x", {-1, 2}}};
  const Shape shape = {-1, 2};
  const std::vector<float> data(2);
  const TensorView view{shape, data};
  EXPECT_THROW(check_run_inputs("m", expected, {&view, 1}), InferError);
}

}  // namespace
}  // namespace am

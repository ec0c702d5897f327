#include <filesystem>
#include <fstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "convert/convert.hpp"
#include "support/testdata.hpp"
#include "tiny_tflite.hpp"

namespace am {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;

std::string conversion_error(const std::filesystem::path& model, const std::filesystem::path& out) {
  try {
    convert_tflite_to_onnx(model, out);
  } catch (const ConvertError& e) {
    return e.what();
  }
  return "";
}

TEST(Convert, UnsupportedBuiltinNamesTheOperatorAndTheModel) {
  const auto dir = test::scratch_dir("convert_unsupported");
  const auto model = test::write_one_op_model(dir, 25);  // SOFTMAX
  const auto out = dir / "out.onnx";
  EXPECT_THAT(conversion_error(model, out),
              AllOf(HasSubstr("SOFTMAX"), HasSubstr(model.string()), HasSubstr("not supported")));
  EXPECT_FALSE(std::filesystem::exists(out));
}

TEST(Convert, UnsupportedCustomOpIsNamedByItsCustomCode) {
  const auto dir = test::scratch_dir("convert_custom");
  const auto model = test::write_one_op_model(dir, 32, "MaxUnpooling2D");
  EXPECT_THAT(conversion_error(model, dir / "out.onnx"),
              AllOf(HasSubstr("MaxUnpooling2D"), HasSubstr(model.string())));
}

TEST(Convert, AMediaPipeOperatorOfAnotherVersionIsRejectedNamingTheVersion) {
  const auto dir = test::scratch_dir("convert_mediapipe_v1");
  const auto model = test::write_one_op_model(dir, 32, "TransformTensorBilinear");  // version 1
  EXPECT_THAT(conversion_error(model, dir / "out.onnx"),
              AllOf(HasSubstr("TransformTensorBilinear"), HasSubstr("version 1"),
                    HasSubstr("only version 2")));
}

TEST(Convert, NotATfliteFileIsRejectedWithItsPath) {
  const auto dir = test::scratch_dir("convert_garbage");
  const auto path = dir / "garbage.tflite";
  std::ofstream(path) << "this is not a flatbuffer at all";
  EXPECT_THAT(conversion_error(path, dir / "out.onnx"),
              AllOf(HasSubstr(path.string()), HasSubstr("not a TFLite model")));
}

TEST(Convert, SupportedOpKeepsTheInterfaceAndWritesTheFile) {
  const auto dir = test::scratch_dir("convert_relu");
  const auto model = test::write_one_op_model(dir, 19);  // RELU
  const auto out = dir / "sub" / "relu.onnx";
  const ConvertReport report = convert_tflite_to_onnx(model, out);
  EXPECT_TRUE(std::filesystem::file_size(out) > 0);
  ASSERT_EQ(report.inputs.size(), 1u);
  ASSERT_EQ(report.outputs.size(), 1u);
  EXPECT_EQ(report.inputs[0].name, "image");
  EXPECT_EQ(report.outputs[0].name, "result");
  EXPECT_EQ(report.outputs[0].shape, (std::vector<int64_t>{1, 4, 4, 2}));
  EXPECT_EQ(report.op_histogram.at("RELU"), 1);
  EXPECT_EQ(report.node_count, 3);  // Transpose in, Relu, Transpose out
  for (const auto& entry : std::filesystem::directory_iterator(out.parent_path())) {
    EXPECT_EQ(entry.path(), out) << "temporary file left behind";
  }
}

}  // namespace
}  // namespace am

// TFLite -> ONNX conversion. convert_tflite_to_onnx() reads a float TFLite model (float16 and
// sparse weights included), writes an equivalent ONNX model (opset 17) that keeps the original
// interface: same input and output names, shapes and NHWC layout (NCHW inside, with weights
// re-laid out at conversion time), and reports what it converted. The output file is written
// atomically (temp file + rename). Any failure throws ConvertError naming the model file; an
// unsupported operator is named in the message.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "convert/convert_error.hpp"

namespace am {

// Bumped whenever a change to the converter changes its output: converted models carrying an
// older version are converted again by `avatar-mirror models fetch`.
inline constexpr int kConverterVersion = 1;

struct ConvertedTensor {
  std::string name;
  std::vector<int64_t> shape;
};

struct ConvertReport {
  std::map<std::string, int> op_histogram;  // TFLite operator name -> count
  int node_count = 0;                       // ONNX nodes written
  std::vector<ConvertedTensor> inputs;
  std::vector<ConvertedTensor> outputs;
  double seconds = 0.0;  // wall time of the conversion
};

ConvertReport convert_tflite_to_onnx(const std::filesystem::path& tflite,
                                     const std::filesystem::path& onnx_out);

}  // namespace am

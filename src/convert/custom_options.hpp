// The flexbuffer map a TFLite custom operator carries in its custom_options (MediaPipe's
// operators store their attributes this way). Takes the operator; gives its named integer,
// float and integer-vector values. A missing or mistyped key throws ConvertError naming the
// operator, the model and the key.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "convert/lowering.hpp"

namespace am {

class CustomOptions {
 public:
  CustomOptions(const Lowering& lowering, const tflite::OpDef& op);

  int64_t integer(const std::string& key) const;
  float number(const std::string& key) const;
  std::vector<int64_t> integers(const std::string& key) const;

 private:
  const Lowering& lowering_;
  const tflite::OpDef& op_;
};

}  // namespace am

// The error every part of the TFLite -> ONNX converter throws: one line naming the model file,
// what failed (operator, tensor, field) and what to do.
#pragma once

#include "core/error.hpp"

namespace am {

struct ConvertError : Error {
  using Error::Error;
};

}  // namespace am

// Inputs for the converter's comparison runs, in NHWC float32 with MediaPipe's value range for
// each model: a fixed synthetic pattern and a real photo resized to the model's input size.
#pragma once

#include <filesystem>
#include <vector>

#include "infer/tensor.hpp"

namespace am::test {

struct ValueRange {
  float low = 0.0f;
  float high = 1.0f;
};

// A smooth, channel-dependent, deterministic pattern covering the whole range.
Tensor pattern_input(const std::vector<int64_t>& nhwc, ValueRange range);

// The photo, RGB, resized to the input's height and width (area filter), each batch entry the same.
Tensor photo_input(const std::filesystem::path& photo, const std::vector<int64_t>& nhwc,
                   ValueRange range);

}  // namespace am::test

// Runs a .tflite model in Google's LiteRT.js through tests/oracle/tflite_run.mjs (one model
// load, several runs) and reads back its float32 outputs. Throws std::runtime_error with the
// command and how to install the oracle when it fails.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "infer/tensor.hpp"

namespace am::test {

struct OracleOutputs {
  std::vector<std::string> names;  // in the model's output order
  std::vector<Tensor> tensors;
};

// One entry of `runs` per run: the model's inputs in NHWC, in input order.
std::vector<OracleOutputs> run_litert(const std::filesystem::path& tflite,
                                      const std::vector<std::vector<Tensor>>& runs,
                                      const std::filesystem::path& work_dir);

}  // namespace am::test

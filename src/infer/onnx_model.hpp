// One ONNX model loaded into an ONNX Runtime session. The constructor takes the file, a short
// model name for messages, and the exact inputs and outputs the caller expects (names and shapes,
// -1 = any size); it checks them against the file and picks the execution provider. run() takes
// float32 tensors in the declared input order and returns float32 outputs in the declared output
// order. Every failure is an InferError naming the model and file. run() may be called from
// several threads at once. ONNX Runtime itself stays inside this module's .cpp files.
#pragma once

#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "infer/device.hpp"
#include "infer/tensor.hpp"

namespace am {

struct SessionOptions {
  Device device = Device::Auto;
  int threads = 0;  // intra-op threads; 0 = all cores
};

class OnnxModel {
 public:
  OnnxModel(const std::filesystem::path& path, std::string name,
            const std::vector<TensorSpec>& inputs, const std::vector<TensorSpec>& outputs,
            const SessionOptions& options = {});
  ~OnnxModel();
  OnnxModel(OnnxModel&&) noexcept;
  OnnxModel& operator=(OnnxModel&&) noexcept;

  std::vector<Tensor> run(const std::vector<Tensor>& inputs) const;
  // Same, without copying the inputs: the views must stay valid during the call.
  std::vector<Tensor> run(std::span<const TensorView> inputs) const;

  const std::string& name() const;
  const std::filesystem::path& path() const;
  const std::string& provider() const;  // "CPUExecutionProvider" or "CUDAExecutionProvider"
  int threads() const;
  // The declared specs, with each -1 replaced by the file's size where the file fixes it.
  const std::vector<TensorSpec>& inputs() const;
  const std::vector<TensorSpec>& outputs() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace am

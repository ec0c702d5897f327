#include "infer/onnx_model.hpp"

#include <fmt/format.h>
#include <onnxruntime_cxx_api.h>
#include <spdlog/spdlog.h>
#include <algorithm>
#include <thread>

#include "core/error.hpp"

namespace am {

namespace {

Ort::Env& ort_env() {
  static Ort::Env env(ORT_LOGGING_LEVEL_WARNING, "avatar-mirror");
  return env;
}

// ONNX Runtime's message as one line without a trailing full stop, to embed in ours.
std::string one_line(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  while (!text.empty() && (text.back() == '.' || text.back() == ' ')) text.pop_back();
  return text;
}

int resolve_threads(int requested) {
  if (requested > 0) return requested;
  return std::max(1u, std::thread::hardware_concurrency());
}

std::string load_hint(std::string_view provider) {
  if (provider == kCudaProvider) {
    return "check the CUDA 12 and cuDNN 9 install, or set processing.device to cpu";
  }
  return "the file may be corrupt or incomplete, re-fetch it with `avatar-mirror models fetch`";
}

Ort::SessionOptions make_session_options(std::string_view provider, int threads) {
  Ort::SessionOptions options;
  options.SetIntraOpNumThreads(threads);
  options.SetInterOpNumThreads(1);
  options.SetGraphOptimizationLevel(GraphOptimizationLevel::ORT_ENABLE_ALL);
  if (provider == kCudaProvider) {
    Ort::CUDAProviderOptions cuda;
    options.AppendExecutionProvider_CUDA_V2(*cuda);
  }
  return options;
}

TensorSpec read_spec(std::string name, const Ort::TypeInfo& type, std::string_view model,
                     const std::filesystem::path& path) {
  if (type.GetONNXType() != ONNX_TYPE_TENSOR ||
      type.GetTensorTypeAndShapeInfo().GetElementType() != ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT) {
    throw InferError(fmt::format(
        "model {}: tensor '{}' in {} is not a float32 tensor; only float32 models are supported, "
        "re-fetch or re-convert the model",
        model, name, path.string()));
  }
  return {std::move(name), type.GetTensorTypeAndShapeInfo().GetShape()};
}

std::vector<TensorSpec> read_inputs(const Ort::Session& session, std::string_view model,
                                    const std::filesystem::path& path) {
  Ort::AllocatorWithDefaultOptions allocator;
  std::vector<TensorSpec> specs;
  for (size_t i = 0; i < session.GetInputCount(); ++i) {
    specs.push_back(read_spec(session.GetInputNameAllocated(i, allocator).get(),
                              session.GetInputTypeInfo(i), model, path));
  }
  return specs;
}

std::vector<TensorSpec> read_outputs(const Ort::Session& session, std::string_view model,
                                     const std::filesystem::path& path) {
  Ort::AllocatorWithDefaultOptions allocator;
  std::vector<TensorSpec> specs;
  for (size_t i = 0; i < session.GetOutputCount(); ++i) {
    specs.push_back(read_spec(session.GetOutputNameAllocated(i, allocator).get(),
                              session.GetOutputTypeInfo(i), model, path));
  }
  return specs;
}

// Declared specs with the file's fixed sizes filled in, in declared order.
std::vector<TensorSpec> effective_specs(const std::vector<TensorSpec>& declared,
                                        const std::vector<TensorSpec>& found) {
  std::vector<TensorSpec> merged;
  for (const auto& want : declared) {
    auto have = std::find_if(found.begin(), found.end(),
                             [&](const TensorSpec& s) { return s.name == want.name; });
    merged.push_back({want.name, merge_shapes(want.shape, have->shape)});
  }
  return merged;
}

std::vector<const char*> c_names(const std::vector<TensorSpec>& specs) {
  std::vector<const char*> names;
  names.reserve(specs.size());
  for (const auto& s : specs) names.push_back(s.name.c_str());
  return names;
}

Tensor to_tensor(const Ort::Value& value) {
  const auto info = value.GetTensorTypeAndShapeInfo();
  const float* data = value.GetTensorData<float>();
  return {info.GetShape(), std::vector<float>(data, data + info.GetElementCount())};
}

}  // namespace

struct OnnxModel::Impl {
  std::string name;
  std::filesystem::path path;
  std::string provider;
  int threads = 1;
  std::vector<TensorSpec> inputs;
  std::vector<TensorSpec> outputs;
  Ort::Session session{nullptr};

  [[noreturn]] void fail(std::string_view what, const std::exception& e) const {
    throw InferError(fmt::format("model {}: {} {} on {}: {}; {}", name, what, path.string(),
                                 provider, one_line(e.what()), load_hint(provider)));
  }

  void open_session(Device device) {
    try {
      provider = std::string(choose_provider(device, probe_cuda_support()));
    } catch (const InferError& e) {
      throw InferError(fmt::format("model {} ({}): {}", name, path.string(), e.what()));
    }
    try {
      session = Ort::Session(ort_env(), path.c_str(), make_session_options(provider, threads));
    } catch (const Ort::Exception& e) {
      if (device != Device::Auto || provider == kCpuProvider) fail("cannot load", e);
      spdlog::warn("model {}: {} failed ({}), falling back to {}", name, provider,
                   one_line(e.what()), kCpuProvider);
      open_session(Device::Cpu);
    }
  }

  void check_and_bind(const std::vector<TensorSpec>& declared_in,
                      const std::vector<TensorSpec>& declared_out) {
    try {
      const auto found_in = read_inputs(session, name, path);
      const auto found_out = read_outputs(session, name, path);
      check_model_tensors(name, path.string(), "input", declared_in, found_in);
      check_model_tensors(name, path.string(), "output", declared_out, found_out);
      inputs = effective_specs(declared_in, found_in);
      outputs = effective_specs(declared_out, found_out);
    } catch (const Ort::Exception& e) {
      fail("cannot read the inputs and outputs of", e);
    }
  }

  std::vector<Tensor> run(std::span<const TensorView> views) {
    check_run_inputs(name, inputs, views);
    try {
      const auto memory = Ort::MemoryInfo::CreateCpu(OrtArenaAllocator, OrtMemTypeDefault);
      std::vector<Ort::Value> values;
      for (const auto& v : views) {
        // ONNX Runtime never writes to input tensors; the API just lacks a const overload.
        values.push_back(Ort::Value::CreateTensor<float>(memory, const_cast<float*>(v.data.data()),
                                                         v.data.size(), v.shape.data(),
                                                         v.shape.size()));
      }
      const auto in_names = c_names(inputs);
      const auto out_names = c_names(outputs);
      auto results = session.Run(Ort::RunOptions{nullptr}, in_names.data(), values.data(),
                                 values.size(), out_names.data(), out_names.size());
      std::vector<Tensor> tensors;
      tensors.reserve(results.size());
      for (const auto& r : results) tensors.push_back(to_tensor(r));
      return tensors;
    } catch (const Ort::Exception& e) {
      throw InferError(fmt::format("model {}: running {} on {} failed: {}", name, path.string(),
                                   provider, one_line(e.what())));
    }
  }
};

OnnxModel::OnnxModel(const std::filesystem::path& path, std::string name,
                     const std::vector<TensorSpec>& inputs, const std::vector<TensorSpec>& outputs,
                     const SessionOptions& options)
    : impl_(std::make_unique<Impl>()) {
  impl_->name = std::move(name);
  impl_->path = path;
  impl_->threads = resolve_threads(options.threads);
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    throw InferError(fmt::format(
        "model {}: file {} not found; run `make setup-models` or `avatar-mirror models fetch`",
        impl_->name, path.string()));
  }
  impl_->open_session(options.device);
  impl_->check_and_bind(inputs, outputs);
  spdlog::info("model {}: {}, {} threads", impl_->name, impl_->provider, impl_->threads);
}

OnnxModel::~OnnxModel() = default;
OnnxModel::OnnxModel(OnnxModel&&) noexcept = default;
OnnxModel& OnnxModel::operator=(OnnxModel&&) noexcept = default;

std::vector<Tensor> OnnxModel::run(const std::vector<Tensor>& inputs) const {
  std::vector<TensorView> views;
  views.reserve(inputs.size());
  for (const auto& t : inputs) views.push_back(view_of(t));
  return impl_->run(views);
}

std::vector<Tensor> OnnxModel::run(std::span<const TensorView> inputs) const {
  return impl_->run(inputs);
}

const std::string& OnnxModel::name() const { return impl_->name; }
const std::filesystem::path& OnnxModel::path() const { return impl_->path; }
const std::string& OnnxModel::provider() const { return impl_->provider; }
int OnnxModel::threads() const { return impl_->threads; }
const std::vector<TensorSpec>& OnnxModel::inputs() const { return impl_->inputs; }
const std::vector<TensorSpec>& OnnxModel::outputs() const { return impl_->outputs; }

}  // namespace am

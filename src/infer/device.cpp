#include "infer/device.hpp"

#include <fmt/format.h>
#include <onnxruntime_cxx_api.h>
#include <algorithm>
#include <filesystem>

#include "core/error.hpp"

namespace am {

namespace {

bool nvidia_gpu_present() {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path gpus = "/proc/driver/nvidia/gpus";
  if (fs::is_directory(gpus, ec) && !fs::is_empty(gpus, ec)) return true;
  return fs::exists("/dev/nvidiactl", ec);
}

std::vector<std::string> ort_providers() {
  try {
    return Ort::GetAvailableProviders();
  } catch (const Ort::Exception& e) {
    throw InferError(fmt::format("ONNX Runtime cannot list its execution providers: {}", e.what()));
  }
}

bool lists_cuda(const std::vector<std::string>& providers) {
  return std::find(providers.begin(), providers.end(), kCudaProvider) != providers.end();
}

}  // namespace

Device parse_device(std::string_view text) {
  if (text == "auto") return Device::Auto;
  if (text == "cpu") return Device::Cpu;
  if (text == "cuda") return Device::Cuda;
  throw ConfigError(
      fmt::format("unknown device '{}': use one of auto, cpu, cuda (processing.device)", text));
}

std::string_view device_name(Device device) {
  switch (device) {
    case Device::Cpu:
      return "cpu";
    case Device::Cuda:
      return "cuda";
    case Device::Auto:
      break;
  }
  return "auto";
}

CudaSupport probe_cuda_support() {
  return {.provider_listed = lists_cuda(ort_providers()), .gpu_present = nvidia_gpu_present()};
}

std::string cuda_unavailable_reason(const CudaSupport& support) {
  std::string reason;
  if (!support.provider_listed) {
    reason =
        "this ONNX Runtime build has no CUDAExecutionProvider (the CPU build from npm "
        "com.github.asus4.onnxruntime); use the GPU build from npm "
        "com.github.asus4.onnxruntime.linux-x64-gpu@0.4.9 (needs CUDA 12 and cuDNN 9)";
  }
  if (!support.gpu_present) {
    if (!reason.empty()) reason += ", and ";
    reason += "no NVIDIA GPU is visible (no /proc/driver/nvidia/gpus entry, no /dev/nvidiactl)";
  }
  return reason;
}

std::string_view choose_provider(Device requested, const CudaSupport& support) {
  const std::string reason = cuda_unavailable_reason(support);
  if (requested == Device::Cpu) return kCpuProvider;
  if (reason.empty()) return kCudaProvider;
  if (requested == Device::Auto) return kCpuProvider;
  throw InferError(fmt::format(
      "device cuda was asked for but CUDA is unavailable: {}; or set processing.device to cpu",
      reason));
}

RuntimeInfo runtime_info() {
  RuntimeInfo info;
  info.version = Ort::GetVersionString();
  info.providers = ort_providers();
  const std::string reason =
      cuda_unavailable_reason({lists_cuda(info.providers), nvidia_gpu_present()});
  info.cuda_usable = reason.empty();
  info.cuda_note = info.cuda_usable ? "CUDA available" : reason;
  return info;
}

}  // namespace am

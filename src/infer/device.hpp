// Where models run. parse_device() reads the config's "auto" | "cpu" | "cuda"; choose_provider()
// turns a requested Device and what this machine offers (CudaSupport) into an ONNX Runtime
// execution provider name, or throws InferError saying why CUDA is unavailable and how to fix it.
// runtime_info() reports the ONNX Runtime version and providers for `avatar-mirror info`.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace am {

enum class Device { Auto, Cpu, Cuda };

inline constexpr std::string_view kCpuProvider = "CPUExecutionProvider";
inline constexpr std::string_view kCudaProvider = "CUDAExecutionProvider";

// "auto" | "cpu" | "cuda"; anything else throws ConfigError.
Device parse_device(std::string_view text);
std::string_view device_name(Device device);

struct CudaSupport {
  bool provider_listed = false;  // ONNX Runtime lists CUDAExecutionProvider
  bool gpu_present = false;      // an NVIDIA GPU and driver are visible to this process
};

// Asks ONNX Runtime and the system (/proc/driver/nvidia/gpus, /dev/nvidiactl).
CudaSupport probe_cuda_support();

// Empty when CUDA is usable, else one sentence saying what is missing and how to get it.
std::string cuda_unavailable_reason(const CudaSupport& support);

// kCudaProvider or kCpuProvider. Cuda without support throws InferError; Auto falls back to CPU.
std::string_view choose_provider(Device requested, const CudaSupport& support);

struct RuntimeInfo {
  std::string version;                 // ONNX Runtime version, e.g. "1.29.0"
  std::vector<std::string> providers;  // as ONNX Runtime lists them
  bool cuda_usable = false;
  std::string cuda_note;  // why CUDA is unusable, or "CUDA available"
};

RuntimeInfo runtime_info();

}  // namespace am

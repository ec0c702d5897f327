#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "infer/device.hpp"

namespace am {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

const CudaSupport kFullCuda{.provider_listed = true, .gpu_present = true};
const CudaSupport kCpuBuildWithGpu{.provider_listed = false, .gpu_present = true};
const CudaSupport kGpuBuildNoGpu{.provider_listed = true, .gpu_present = false};

TEST(Device, ParsesTheThreeConfigValues) {
  EXPECT_EQ(parse_device("auto"), Device::Auto);
  EXPECT_EQ(parse_device("cpu"), Device::Cpu);
  EXPECT_EQ(parse_device("cuda"), Device::Cuda);
  for (Device d : {Device::Auto, Device::Cpu, Device::Cuda}) {
    EXPECT_EQ(parse_device(device_name(d)), d);
  }
}

TEST(Device, RejectsOtherValuesNamingThemAndTheChoices) {
  for (const char* bad : {"", "gpu", "CUDA", "cuda "}) {
    try {
      parse_device(bad);
      FAIL() << "accepted '" << bad << "'";
    } catch (const ConfigError& e) {
      EXPECT_THAT(e.what(), HasSubstr("'" + std::string(bad) + "'"));
      EXPECT_THAT(e.what(), HasSubstr("auto, cpu, cuda"));
    }
  }
}

TEST(Device, CpuIsAlwaysCpuEvenWithCuda) {
  EXPECT_EQ(choose_provider(Device::Cpu, kFullCuda), kCpuProvider);
}

TEST(Device, CudaAndAutoPickCudaWhenUsable) {
  EXPECT_EQ(choose_provider(Device::Cuda, kFullCuda), kCudaProvider);
  EXPECT_EQ(choose_provider(Device::Auto, kFullCuda), kCudaProvider);
  EXPECT_TRUE(cuda_unavailable_reason(kFullCuda).empty());
}

TEST(Device, AutoFallsBackToCpuWhenEitherPartIsMissing) {
  EXPECT_EQ(choose_provider(Device::Auto, kCpuBuildWithGpu), kCpuProvider);
  EXPECT_EQ(choose_provider(Device::Auto, kGpuBuildNoGpu), kCpuProvider);
  EXPECT_EQ(choose_provider(Device::Auto, CudaSupport{}), kCpuProvider);
}

TEST(Device, CudaWithoutProviderPointsAtTheGpuBuild) {
  try {
    choose_provider(Device::Cuda, kCpuBuildWithGpu);
    FAIL() << "no InferError";
  } catch (const InferError& e) {
    EXPECT_THAT(e.what(), HasSubstr("com.github.asus4.onnxruntime.linux-x64-gpu@0.4.9"));
    EXPECT_THAT(e.what(), HasSubstr("processing.device to cpu"));
    EXPECT_THAT(e.what(), Not(HasSubstr("no NVIDIA GPU")));
  }
}

TEST(Device, CudaWithoutGpuSaysNoGpu) {
  try {
    choose_provider(Device::Cuda, kGpuBuildNoGpu);
    FAIL() << "no InferError";
  } catch (const InferError& e) {
    EXPECT_THAT(e.what(), HasSubstr("no NVIDIA GPU"));
    EXPECT_THAT(e.what(), Not(HasSubstr("linux-x64-gpu")));
  }
}

TEST(Device, RuntimeInfoReportsVersionProvidersAndCudaState) {
  const RuntimeInfo info = runtime_info();
  EXPECT_THAT(info.version, StartsWith("1."));
  EXPECT_THAT(info.providers, Contains(std::string(kCpuProvider)));
  EXPECT_EQ(info.cuda_usable, cuda_unavailable_reason(probe_cuda_support()).empty());
  EXPECT_FALSE(info.cuda_note.empty());
}

}  // namespace
}  // namespace am

#include <iostream>

#include <opencv2/core/version.hpp>

#include "app/commands.hpp"
#include "core/paths.hpp"
#include "infer/device.hpp"
#include "io/frame_source.hpp"
#include "models/inventory.hpp"
#include "models/registry.hpp"
#include "pipeline/pipeline_settings.hpp"

namespace am {
namespace {

void print_runtime() {
  const RuntimeInfo rt = runtime_info();
  std::cout << "onnxruntime   " << rt.version << "\n";
  std::cout << "providers     ";
  for (const auto& p : rt.providers) std::cout << p << " ";
  std::cout << "\ncuda          " << (rt.cuda_usable ? "usable" : "not usable") << " ("
            << rt.cuda_note << ")\n";
}

void print_cameras() {
  const auto cameras = list_cameras();
  std::cout << "cameras       " << (cameras.empty() ? "none found" : "") << "\n";
  for (const auto& cam : cameras) std::cout << "  " << cam.path << "  " << cam.name << "\n";
}

void print_models(const Config& cfg) {
  const auto dir = models_dir(cfg);
  const auto models = list_models(dir);
  int ready = 0;
  for (const auto& m : models) ready += m.present && m.onnx_present ? 1 : 0;
  std::cout << "models        " << ready << "/" << models.size() << " ready in " << dir.string()
            << (ready < static_cast<int>(models.size()) ? " (run `avatar-mirror models fetch`)"
                                                        : "")
            << "\n";
  for (const auto& m : models)
    if (!m.present || !m.onnx_present) std::cout << "  missing " << m.name << "\n";
}

}  // namespace

int cmd_info(const Config& cfg) {
  std::cout << "avatar-mirror " << AM_VERSION << "\n";
  std::cout << "opencv        " << CV_VERSION << "\n";
  print_runtime();
  std::cout << "device        " << cfg.get_string("processing.device") << " (processing.device)\n";
  std::cout << "home          " << app_home().string() << "\n";
  print_cameras();
  print_models(cfg);
  return 0;
}

}  // namespace am

// Converts every fetched .tflite model of the registry to ONNX next to it (<name>.onnx), once:
// a stamp file (<name>.onnx.stamp) records the .tflite sha256 and the converter version, and a
// model whose stamp matches is skipped. Conversion failures are reported per model, not thrown.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "models/fetch.hpp"

namespace am {

struct ConversionOutcome {
  std::string name;
  bool ok = false;
  bool converted = false;  // false: already up to date (or failed)
  std::string detail;      // op count and time, or why it failed
};

struct ConversionReport {
  std::vector<ConversionOutcome> models;
  bool ok() const;
  std::string summary() const;  // "10 converted models: 2 converted, 8 up to date, 0 failed"
};

ConversionReport convert_models(const std::filesystem::path& models_dir,
                                const ProgressFn& progress = {});

}  // namespace am

// The pinned model registry: which npm package (name@version, tarball sha256) each model file
// comes from, where it sits inside the tarball (optionally a byte range of a packed .data file),
// and the sha256 and size of the extracted file. Static tables, no I/O. Lookups by name throw
// am::Error naming the model and listing the known names.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace am {

struct NpmPackage {
  std::string_view name;     // "@mediapipe/pose"
  std::string_view version;  // "0.5.1675469404"
  std::string_view sha256;   // of the tarball `npm pack name@version` gives
  std::uint64_t size = 0;    // tarball bytes

  std::string spec() const;          // "@mediapipe/pose@0.5.1675469404"
  std::string tarball_name() const;  // "mediapipe-pose-0.5.1675469404.tgz" (scripts/common.sh)
};

// [begin, end) in bytes inside a packed file.
struct ByteRange {
  std::uint64_t begin = 0;
  std::uint64_t end = 0;
};

struct ModelEntry {
  std::string_view name;           // "pose_landmark_full"
  std::string_view file;           // name in the models folder: "pose_landmark_full.tflite"
  std::string_view role;           // what the pipeline uses it for
  std::string_view package;        // spec of its NpmPackage: "@mediapipe/pose@0.5.1675469404"
  std::string_view member;         // path inside the tarball
  std::optional<ByteRange> range;  // set when the model is a slice of a packed .data member
  std::string_view sha256;         // of the file in the models folder
  std::uint64_t size = 0;          // bytes of the file in the models folder
  bool needs_conversion = false;   // TFLite: converted to ONNX by src/convert at setup

  // The ONNX file ONNX Runtime loads: the model itself for .onnx files, the converter's output
  // "<name>.onnx" for .tflite files.
  std::string onnx_file() const;
};

std::span<const NpmPackage> model_packages();
std::span<const ModelEntry> model_registry();

const ModelEntry& find_model(std::string_view name);
const NpmPackage& package_of(const ModelEntry& model);

// models.dir from the config, or <app_home>/models when it is empty.
std::filesystem::path default_models_dir();

}  // namespace am

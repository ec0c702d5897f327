// What is in a models folder compared with the registry. list_models() only looks at which files
// exist (no hashing); check_model_file() and verify_models() re-hash each file and say per file:
// ok, missing, or wrong sha256 (with both hashes). No network, no changes to the folder.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "models/registry.hpp"

namespace am {

struct ModelStatus {
  std::string name;
  std::string file;
  std::string role;
  std::string package;     // name@version
  std::uint64_t size = 0;  // pinned size in bytes
  std::string sha256;      // pinned
  std::filesystem::path path;
  bool present = false;       // the file exists (not hashed)
  bool onnx_present = false;  // onnx_file() exists: converted, or an ONNX model itself
};

std::vector<ModelStatus> list_models(const std::filesystem::path& models_dir);

enum class FileState { ok, missing, wrong_sha256 };

struct FileCheck {
  std::string name;
  std::filesystem::path path;
  FileState state = FileState::missing;
  std::string expected_sha256;
  std::string actual_sha256;  // empty when missing

  std::string describe() const;  // "pose_landmark_full.tflite: wrong sha256 <got> (expected <pin>)"
};

FileCheck check_model_file(const std::filesystem::path& models_dir, const ModelEntry& model);

struct VerifyReport {
  std::vector<FileCheck> files;
  bool all_ok() const;
  int count(FileState state) const;
  std::string summary() const;  // "13 ok, 0 missing, 0 wrong sha256"
};

VerifyReport verify_models(const std::filesystem::path& models_dir);

}  // namespace am

#include "models/inventory.hpp"

#include <algorithm>

#include "models/sha256.hpp"

namespace am {

namespace fs = std::filesystem;

std::vector<ModelStatus> list_models(const fs::path& models_dir) {
  std::vector<ModelStatus> out;
  for (const ModelEntry& m : model_registry()) {
    const fs::path path = models_dir / m.file;
    out.push_back({std::string(m.name), std::string(m.file), std::string(m.role),
                   std::string(m.package), m.size, std::string(m.sha256), path,
                   fs::is_regular_file(path), fs::is_regular_file(models_dir / m.onnx_file())});
  }
  return out;
}

FileCheck check_model_file(const fs::path& models_dir, const ModelEntry& model) {
  FileCheck check{std::string(model.name), models_dir / model.file, FileState::missing,
                  std::string(model.sha256), ""};
  if (!fs::is_regular_file(check.path)) return check;
  check.actual_sha256 = sha256_file_hex(check.path);
  check.state = check.actual_sha256 == model.sha256 ? FileState::ok : FileState::wrong_sha256;
  return check;
}

std::string FileCheck::describe() const {
  std::string file = path.filename().string();
  switch (state) {
    case FileState::ok:
      return file + ": ok";
    case FileState::missing:
      return file + ": missing (run 'avatar-mirror models fetch')";
    case FileState::wrong_sha256:
      return file + ": wrong sha256 " + actual_sha256 + " (expected " + expected_sha256 +
             "; run 'avatar-mirror models fetch' to replace it)";
  }
  return file;
}

VerifyReport verify_models(const fs::path& models_dir) {
  VerifyReport report;
  for (const ModelEntry& m : model_registry())
    report.files.push_back(check_model_file(models_dir, m));
  return report;
}

bool VerifyReport::all_ok() const { return count(FileState::ok) == static_cast<int>(files.size()); }

int VerifyReport::count(FileState state) const {
  return static_cast<int>(std::count_if(files.begin(), files.end(),
                                        [&](const FileCheck& f) { return f.state == state; }));
}

std::string VerifyReport::summary() const {
  return std::to_string(count(FileState::ok)) + " ok, " +
         std::to_string(count(FileState::missing)) + " missing, " +
         std::to_string(count(FileState::wrong_sha256)) + " wrong sha256";
}

}  // namespace am

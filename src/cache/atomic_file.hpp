// POSIX file primitives the file cache is built on.
// write_file_atomically(): the bytes go to a temporary file in the same folder (named
// ".tmp.<pid>.<n>.<final name>"), which is fsynced, renamed over the final name, and the folder
// fsynced: a reader (in any process) sees the old file or the new one, never a mix, and a writer
// killed half-way leaves at most a stray temporary file. Failures throw CacheError naming the file.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace am {

inline constexpr std::string_view kTempPrefix = ".tmp.";

void write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

struct FileContents {
  std::string bytes;
  std::uint64_t inode = 0;  // identifies this file version for remove_if_same_file()
};

// The whole file, or nullopt when it does not exist. Throws CacheError on other read errors.
std::optional<FileContents> read_whole_file(const std::filesystem::path& path);

// Unlinks `path` only while it is still the file that was read (same inode): an entry renamed
// over it in the meantime is kept.
void remove_if_same_file(const std::filesystem::path& path, std::uint64_t inode);

// Sets the file's modification time to now; a missing file is ignored.
void set_mtime_to_now(const std::filesystem::path& path);

// The pid that wrote a temporary file (from its name), or 0 when the name is not a temp name.
int temp_file_writer_pid(const std::string& file_name);

// An exclusive flock() on `path` (created when missing), held until destruction. Blocks.
class FolderLock {
 public:
  explicit FolderLock(const std::filesystem::path& path);
  ~FolderLock();
  FolderLock(const FolderLock&) = delete;
  FolderLock& operator=(const FolderLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace am

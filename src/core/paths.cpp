#include "core/paths.hpp"

#include <cstdlib>

namespace am {

std::filesystem::path app_home() {
  if (const char* home = std::getenv("AVATAR_MIRROR_HOME"); home && *home) return home;
  const char* user_home = std::getenv("HOME");
  return std::filesystem::path(user_home && *user_home ? user_home : "/tmp") / ".cache" /
         "avatar-mirror";
}

std::filesystem::path resolve_dir(const std::string& configured, const std::string& default_name) {
  return configured.empty() ? app_home() / default_name : std::filesystem::path(configured);
}

}  // namespace am

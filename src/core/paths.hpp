// Where Avatar Mirror keeps what it downloads and writes outside the repository.
// app_home(): $AVATAR_MIRROR_HOME, else ~/.cache/avatar-mirror. resolve_dir() turns an empty
// config value into the given default below app_home().
#pragma once

#include <filesystem>
#include <string>

namespace am {

std::filesystem::path app_home();
std::filesystem::path resolve_dir(const std::string& configured, const std::string& default_name);

}  // namespace am

// Runs a shell command for end-to-end tests and captures its exit status, stdout and stderr.
// Header-only; stderr goes through a temporary file so both streams are kept apart.
#pragma once

#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <future>
#include <sstream>
#include <string>

namespace am::test {

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline CommandResult run_command(const std::string& command) {
  const auto err_file = std::filesystem::temp_directory_path() /
                        ("am_cmd_err_" + std::to_string(::getpid()) + ".txt");
  CommandResult result;
  FILE* pipe = ::popen((command + " 2>" + err_file.string()).c_str(), "r");
  if (!pipe) return result;
  char buffer[4096];
  size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) result.out.append(buffer, n);
  const int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.err = read_text(err_file);
  std::filesystem::remove(err_file);
  return result;
}

// The avatar-mirror binary of this build, with its log, cache and avatars kept in `home` (out of
// the user's cache folder) and its server on a free port unless the command sets one.
inline std::string avatar_mirror(const std::filesystem::path& home) {
  return "LOG_FILE=" + (home / "test.log").string() + " CACHE_DIR=${CACHE_DIR:-" +
         (home / "cache").string() + "} WEBSOCKET_PORT=${WEBSOCKET_PORT:-0} " +
         std::string(AM_BINARY_DIR) + "/avatar-mirror";
}

// Whether the Khronos glTF-Validator is installed in the app home (tests/gltf_validator/install.sh,
// which `make test` runs).
inline bool gltf_validator_installed() {
  const char* home_env = std::getenv("AVATAR_MIRROR_HOME");
  const std::filesystem::path home =
      home_env && *home_env ? std::filesystem::path(home_env)
                            : std::filesystem::path(std::getenv("HOME")) / ".cache/avatar-mirror";
  return std::filesystem::exists(home / "gltf-validator/node_modules/gltf-validator/package.json");
}

// The Khronos glTF-Validator's verdict on a .glb: exit code 0 and ": 0 errors" in out when valid.
inline CommandResult validate_glb(const std::filesystem::path& glb) {
  return run_command("node " + std::string(AM_SOURCE_DIR) + "/tests/gltf_validator/validate.mjs " +
                     glb.string());
}

// Starts `avatar-mirror run --source SOURCE` in the background, home as in avatar_mirror(), its
// server on 127.0.0.1:port (unless `env` sets WEBSOCKET_HOST), with the extra environment `env`
// ("KEY=value ..."); the future gives the result when it exits.
inline std::future<CommandResult> start_mirror_run(const std::filesystem::path& home,
                                                   unsigned short port,
                                                   const std::filesystem::path& source,
                                                   const std::string& env = "") {
  const std::string cmd =
      "WEBSOCKET_HOST=${WEBSOCKET_HOST:-127.0.0.1} WEBSOCKET_PORT=" + std::to_string(port) + " " +
      env + " " + avatar_mirror(home) + " run --source " + source.string();
  return std::async(std::launch::async, [cmd] { return run_command(cmd); });
}

}  // namespace am::test

// Runs a program (found on PATH) to completion in a given folder, with extra environment
// variables, and gives back its exit code and its stdout + stderr together. No shell is
// involved, so arguments need no quoting. Throws am::Error only when the program cannot be
// started at all (not installed, folder missing).
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace am {

struct ProcessSpec {
  std::vector<std::string> argv;           // argv[0] is looked up on PATH
  std::filesystem::path cwd;               // empty: the current folder
  std::map<std::string, std::string> env;  // set or replace these on top of the environment
};

struct ProcessResult {
  int exit_code = -1;  // 128 + signal number when killed by a signal
  std::string output;  // stdout and stderr, interleaved as written
};

ProcessResult run_process(const ProcessSpec& spec);

}  // namespace am

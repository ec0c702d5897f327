// Starts cache_stress_tool (see cache_stress_tool.cpp) as a child process, and waits for or
// SIGKILLs it.
#pragma once

#include <csignal>
#include <stdexcept>
#include <string>
#include <vector>

#include <spawn.h>
#include <sys/wait.h>

extern char** environ;

namespace am::test {

class StressToolProcess {
 public:
  explicit StressToolProcess(std::vector<std::string> args) {
    args.insert(args.begin(), AM_CACHE_STRESS_TOOL);
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    if (::posix_spawn(&pid_, argv[0], nullptr, nullptr, argv.data(), environ) != 0) {
      throw std::runtime_error(std::string("cannot start ") + AM_CACHE_STRESS_TOOL);
    }
  }
  ~StressToolProcess() { kill(); }
  StressToolProcess(const StressToolProcess&) = delete;
  StressToolProcess& operator=(const StressToolProcess&) = delete;

  // The exit code, or -1 when it did not exit normally.
  int wait() {
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = 0;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  void kill() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
    pid_ = 0;
  }

 private:
  pid_t pid_ = 0;
};

}  // namespace am::test

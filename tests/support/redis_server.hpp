// A real redis-server for tests and benchmarks: started as a child process on a free local port
// with a scratch folder and no persistence, killed (SIGKILL) on kill() or destruction, and
// restartable on the same port. start() waits until the server accepts connections and throws
// std::runtime_error when redis-server is missing or does not come up within 5 s.
#pragma once

#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <csignal>

#include "cache/redis_connection.hpp"
#include "support/testdata.hpp"

extern char** environ;

namespace am::test {

inline int free_tcp_port() {
  const int s = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof(addr);
  ::bind(s, reinterpret_cast<sockaddr*>(&addr), sizeof(addr));
  ::getsockname(s, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(s);
  return ntohs(addr.sin_port);
}

inline bool accepts_connections(int port) {
  const int s = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool ok = ::connect(s, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) == 0;
  ::close(s);
  return ok;
}

class RedisServer {
 public:
  explicit RedisServer(const std::string& name)
      : port_(free_tcp_port()), dir_(scratch_dir("redis_" + name)) {
    start();
  }
  ~RedisServer() {
    kill();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  RedisServer(const RedisServer&) = delete;
  RedisServer& operator=(const RedisServer&) = delete;

  void start() {
    const std::string port = std::to_string(port_);
    const std::string log = (dir_ / "redis.log").string();
    std::vector<std::string> args{"redis-server", "--port",      port, "--bind",
                                  "127.0.0.1",    "--save",      "",   "--appendonly",
                                  "no",           "--daemonize", "no", "--dir",
                                  dir_.string(),  "--logfile",   log};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    if (::posix_spawnp(&pid_, "redis-server", nullptr, nullptr, argv.data(), environ) != 0) {
      throw std::runtime_error(
          "cannot start redis-server; install it (apt-get install redis-server)");
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (!accepts_connections(port_)) {
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_ ||
          std::chrono::steady_clock::now() > deadline) {
        pid_ = 0;
        throw std::runtime_error("redis-server on port " + port + " did not start; see " + log);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  }

  void kill() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
    pid_ = 0;
  }

  int port() const { return port_; }
  std::string url() const { return "redis://127.0.0.1:" + std::to_string(port_) + "/0"; }
  RedisEndpoint endpoint() const { return {"127.0.0.1", port_, 0}; }

 private:
  int port_;
  std::filesystem::path dir_;
  pid_t pid_ = 0;
};

}  // namespace am::test

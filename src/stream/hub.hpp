// What all connections of one server share, owned by the io thread: options, the connected
// sessions, the characters present (replayed to late joiners), the .glb files served, the
// counters (atomic, read from any thread) and the log rate limiter.
#pragma once

#include <atomic>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>

#include "stream/log_limiter.hpp"
#include "stream/protocol.hpp"
#include "stream/server.hpp"

namespace am {

class WsSession;

struct Counters {
  std::atomic<std::uint64_t> clients{0}, accepted{0}, rejected{0}, disconnects{0},
      slow_disconnects{0}, dropped_poses{0}, sent{0}, bad_inbound{0}, http_requests{0};
};

// A person's announced avatar: the new_character message and its encoded text (what late joiners
// get; an avatar_updated replaces both).
struct Character {
  NewCharacter message;
  std::shared_ptr<const std::string> text;
};

struct Hub {
  ServerOptions options;
  std::set<std::shared_ptr<WsSession>> sessions;
  std::map<int, Character> characters;                // person id -> its avatar, as announced
  std::map<int, std::filesystem::path> avatar_files;  // person id -> .glb
  Counters counters;
  LogLimiter log_limit{20, 1000.0};
  std::function<std::string()> metrics;  // GET /metrics body (Prometheus text); empty: 404

  // Logs a warning about a client unless the rate limit suppresses it.
  void warn(const std::string& what);
};

}  // namespace am

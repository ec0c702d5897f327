// Rate limit for log lines about misbehaving clients: at most `burst` lines per `window_ms`,
// and the next allowed line learns how many were suppressed meanwhile. Not thread-safe.
#pragma once

#include <cstddef>
#include <optional>

namespace am {

class LogLimiter {
 public:
  LogLimiter(std::size_t burst, double window_ms) : burst_(burst), window_ms_(window_ms) {}

  // nullopt: suppress this line; else the number of lines suppressed since the last one allowed.
  std::optional<std::size_t> allow(double now_ms);

 private:
  std::size_t burst_;
  double window_ms_;
  double window_start_ = -1.0;
  std::size_t used_ = 0;
  std::size_t suppressed_ = 0;
};

}  // namespace am

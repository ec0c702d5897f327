#include "stream/log_limiter.hpp"

namespace am {

std::optional<std::size_t> LogLimiter::allow(double now_ms) {
  if (window_start_ < 0.0 || now_ms - window_start_ >= window_ms_) {
    window_start_ = now_ms;
    used_ = 0;
  }
  if (used_ >= burst_) {
    ++suppressed_;
    return std::nullopt;
  }
  ++used_;
  const std::size_t suppressed = suppressed_;
  suppressed_ = 0;
  return suppressed;
}

}  // namespace am

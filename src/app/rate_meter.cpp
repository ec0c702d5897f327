#include "app/rate_meter.hpp"

namespace am {

std::optional<double> RateMeter::tick(double now_ms) {
  ++total_;
  if (first_ms_ < 0) first_ms_ = window_start_ms_ = now_ms;
  ++in_window_;
  const double elapsed = now_ms - window_start_ms_;
  if (elapsed < window_ms_) return std::nullopt;
  const double rate = 1000.0 * static_cast<double>(in_window_ - 1) / elapsed;
  window_start_ms_ = now_ms;
  in_window_ = 1;
  return rate;
}

double RateMeter::overall_rate(double now_ms) const {
  const double elapsed = now_ms - first_ms_;
  return total_ > 1 && elapsed > 0 ? 1000.0 * static_cast<double>(total_ - 1) / elapsed : 0.0;
}

}  // namespace am

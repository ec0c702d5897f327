// Counts events and reports their rate over a sliding reporting window. Pure: the caller passes
// the clock, so it is testable without sleeping.
#pragma once

#include <cstdint>
#include <optional>

namespace am {

class RateMeter {
 public:
  explicit RateMeter(double window_ms = 1000.0) : window_ms_(window_ms) {}

  // Records one event at now_ms; returns the rate (events per second) when a window closed.
  std::optional<double> tick(double now_ms);
  int64_t total() const { return total_; }
  double overall_rate(double now_ms) const;

 private:
  double window_ms_;
  double first_ms_ = -1;
  double window_start_ms_ = -1;
  int64_t in_window_ = 0;
  int64_t total_ = 0;
};

}  // namespace am

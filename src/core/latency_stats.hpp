// Percentiles over the most recent N samples (a ring buffer), for the live status line and the
// /metrics endpoint: add() is O(1), percentile() sorts a copy. Thread-safe.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <mutex>
#include <vector>

namespace am {

class LatencyStats {
 public:
  explicit LatencyStats(std::size_t window = 1000) : samples_(window) {}

  void add(double value) {
    std::lock_guard lock(mutex_);
    samples_[next_] = value;
    next_ = (next_ + 1) % samples_.size();
    count_ = std::min(count_ + 1, samples_.size());
    ++total_;
  }

  // The p-th percentile (0..100) of the window by nearest rank; 0 when empty.
  double percentile(double p) const {
    std::lock_guard lock(mutex_);
    if (count_ == 0) return 0.0;
    std::vector<double> sorted(samples_.begin(), samples_.begin() + static_cast<long>(count_));
    std::sort(sorted.begin(), sorted.end());
    const auto rank =
        static_cast<std::size_t>(std::lround(p / 100.0 * static_cast<double>(count_ - 1)));
    return sorted[std::min(rank, count_ - 1)];
  }

  std::size_t total() const {
    std::lock_guard lock(mutex_);
    return total_;
  }

 private:
  mutable std::mutex mutex_;
  std::vector<double> samples_;
  std::size_t next_ = 0;
  std::size_t count_ = 0;
  std::size_t total_ = 0;
};

}  // namespace am

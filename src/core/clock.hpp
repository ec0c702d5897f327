// The monotonic clock every timestamp in the pipeline uses, in milliseconds.
#pragma once

#include <chrono>

namespace am {

inline double monotonic_ms() {
  using namespace std::chrono;
  return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

}  // namespace am

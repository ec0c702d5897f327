// Releases frames of a file at their own rate, as a camera would. With Pacing::Realtime and
// fps > 0, wait_until_due(i) returns no earlier than start + i / fps, where start is the time of
// the call for frame 0. With AsFastAsPossible (or no known fps) it returns at once.
#pragma once

#include <chrono>
#include <cstdint>

#include "io/frame_source.hpp"

namespace am {

class FramePacer {
 public:
  FramePacer(Pacing pacing, double fps);
  void wait_until_due(int64_t index);

 private:
  bool enabled_;
  double fps_;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace am

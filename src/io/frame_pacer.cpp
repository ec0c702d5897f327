#include "io/frame_pacer.hpp"

#include <thread>

namespace am {

FramePacer::FramePacer(Pacing pacing, double fps)
    : enabled_(pacing == Pacing::Realtime && fps > 0), fps_(fps) {}

void FramePacer::wait_until_due(int64_t index) {
  if (!enabled_) return;
  if (index == 0) {
    start_ = std::chrono::steady_clock::now();
    return;
  }
  auto offset = std::chrono::duration<double>(static_cast<double>(index) / fps_);
  std::this_thread::sleep_until(start_ +
                                std::chrono::duration_cast<std::chrono::nanoseconds>(offset));
}

}  // namespace am

// The capture thread: reads frames from a source and hands each one to a LatestSlot, where the
// newest frame wins (a slow consumer sees fresh frames, never a backlog). At the end of a file it
// closes the slot, or starts over with --loop. A camera that fails or disappears is reported and
// reopened every two seconds until stop is requested.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <thread>

#include "core/frame.hpp"
#include "core/latest_slot.hpp"
#include "io/frame_source.hpp"

namespace am {

struct CaptureOptions {
  bool loop = false;             // start a finished file over
  bool reopen_on_error = false;  // cameras and streams: keep trying when frames stop
  double reopen_delay_ms = 2000;
};

class CaptureThread {
 public:
  using Opener = std::function<std::unique_ptr<FrameSource>()>;

  // Opens the source on the caller's thread so a bad source fails at startup; start() begins
  // reading (files play from their first frame then).
  CaptureThread(Opener open, CaptureOptions options, LatestSlot<Frame>& out);
  ~CaptureThread();
  CaptureThread(const CaptureThread&) = delete;
  CaptureThread& operator=(const CaptureThread&) = delete;

  const SourceInfo& info() const { return info_; }
  void start();
  void stop();

 private:
  void run();
  bool reopen();
  Opener open_;
  CaptureOptions options_;
  LatestSlot<Frame>& out_;
  std::unique_ptr<FrameSource> source_;
  SourceInfo info_;
  std::atomic<bool> stop_{false};
  int64_t next_index_ = 0;
  std::thread thread_;
};

}  // namespace am

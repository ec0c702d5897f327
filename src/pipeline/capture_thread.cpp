#include "pipeline/capture_thread.hpp"

#include <chrono>

#include <spdlog/spdlog.h>

#include "core/error.hpp"

namespace am {

CaptureThread::CaptureThread(Opener open, CaptureOptions options, LatestSlot<Frame>& out)
    : open_(std::move(open)),
      options_(options),
      out_(out),
      source_(open_()),
      info_(source_->info()) {}

void CaptureThread::start() {
  thread_ = std::thread([this] { run(); });
}

CaptureThread::~CaptureThread() { stop(); }

void CaptureThread::stop() {
  stop_ = true;
  if (thread_.joinable()) thread_.join();
}

bool CaptureThread::reopen() {
  while (!stop_) {
    try {
      source_ = open_();
      spdlog::info("source {} is back", info_.description);
      return true;
    } catch (const Error& e) {
      spdlog::warn("{} (retrying in {:.0f} s)", e.what(), options_.reopen_delay_ms / 1000);
      std::this_thread::sleep_for(
          std::chrono::duration<double, std::milli>(options_.reopen_delay_ms));
    }
  }
  return false;
}

void CaptureThread::run() {
  while (!stop_) {
    std::optional<Frame> frame;
    try {
      frame = source_->next();
    } catch (const Error& e) {
      spdlog::error("{}", e.what());
      if (!options_.reopen_on_error || !reopen()) break;
      continue;
    }
    if (frame) {
      frame->index = next_index_++;
      out_.put(std::move(*frame));
      continue;
    }
    if (options_.loop) {
      try {
        source_ = open_();
        continue;
      } catch (const Error& e) {
        spdlog::error("cannot start {} over: {}", info_.description, e.what());
        break;
      }
    }
    if (options_.reopen_on_error) {
      spdlog::warn("source {} delivered no frame", info_.description);
      if (reopen()) continue;
    }
    break;
  }
  out_.close();
}

}  // namespace am

// A one-element mailbox where the newest value wins: put() replaces whatever was not yet taken
// (counting it as dropped), take() waits for a value or for close(). Used between the capture
// thread and perception so frames are never queued up behind a slow stage. Thread-safe.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>

namespace am {

template <typename T>
class LatestSlot {
 public:
  void put(T value) {
    {
      std::lock_guard lock(mutex_);
      if (value_) ++dropped_;
      value_ = std::move(value);
    }
    ready_.notify_one();
  }

  // The newest value, or nullopt once closed and empty.
  std::optional<T> take() {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [&] { return value_.has_value() || closed_; });
    std::optional<T> out = std::move(value_);
    value_.reset();
    return out;
  }

  void close() {
    {
      std::lock_guard lock(mutex_);
      closed_ = true;
    }
    ready_.notify_all();
  }

  int64_t dropped() const {
    std::lock_guard lock(mutex_);
    return dropped_;
  }

 private:
  mutable std::mutex mutex_;
  std::condition_variable ready_;
  std::optional<T> value_;
  bool closed_ = false;
  int64_t dropped_ = 0;
};

}  // namespace am

// Counts the warnings logged through spdlog's default logger while it is alive.
#pragma once

#include <algorithm>
#include <memory>

#include <spdlog/sinks/ringbuffer_sink.h>
#include <spdlog/spdlog.h>

namespace am::test {

class WarningCounter {
 public:
  WarningCounter() : sink_(std::make_shared<spdlog::sinks::ringbuffer_sink_mt>(1000)) {
    spdlog::default_logger()->sinks().push_back(sink_);
  }
  ~WarningCounter() {
    auto& sinks = spdlog::default_logger()->sinks();
    sinks.erase(std::remove(sinks.begin(), sinks.end(), sink_), sinks.end());
  }
  WarningCounter(const WarningCounter&) = delete;
  WarningCounter& operator=(const WarningCounter&) = delete;

  std::size_t count() const {
    const auto messages = sink_->last_raw();
    return static_cast<std::size_t>(
        std::count_if(messages.begin(), messages.end(),
                      [](const auto& m) { return m.level == spdlog::level::warn; }));
  }

 private:
  std::shared_ptr<spdlog::sinks::ringbuffer_sink_mt> sink_;
};

}  // namespace am::test

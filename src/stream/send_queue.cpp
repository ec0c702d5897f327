#include "stream/send_queue.hpp"

#include <algorithm>

namespace am {

bool SendQueue::push(OutMessage message) {
  if (message.kind == MessageKind::pose) {
    const auto first_waiting = queue_.begin() + (in_flight_ ? 1 : 0);
    const auto stale = std::find_if(first_waiting, queue_.end(), [](const OutMessage& m) {
      return m.kind == MessageKind::pose;
    });
    if (stale != queue_.end()) {
      queue_.erase(stale);
      ++dropped_poses_;
    }
    queue_.push_back(std::move(message));
    return true;
  }
  queue_.push_back(std::move(message));
  ++control_count_;
  return control_count_ <= max_control_;
}

const OutMessage* SendQueue::start_write() {
  if (in_flight_ || queue_.empty()) return nullptr;
  in_flight_ = true;
  return &queue_.front();
}

void SendQueue::finish_write() {
  if (!in_flight_) return;
  if (queue_.front().kind == MessageKind::control) --control_count_;
  queue_.pop_front();
  in_flight_ = false;
}

}  // namespace am

// One client's outgoing messages. Takes encoded texts tagged control (hello, new_character,
// person_left, pong, error) or pose; guarantees at most one pose_update waits at any time (a new
// pose replaces the stale one that has not started sending), control messages are never dropped,
// and push() reports overflow once more than max_control control messages wait (the client is
// too slow and should be disconnected). Not thread-safe: the session's io thread owns it.
#pragma once

#include <cstddef>
#include <deque>
#include <memory>
#include <string>

namespace am {

enum class MessageKind { control, pose };

struct OutMessage {
  MessageKind kind = MessageKind::control;
  std::shared_ptr<const std::string> text;
};

class SendQueue {
 public:
  explicit SendQueue(std::size_t max_control) : max_control_(max_control) {}

  // False when the control backlog is over its bound (the message is still kept).
  bool push(OutMessage message);
  // The message to write next, or nullptr when empty or a write is already in flight.
  const OutMessage* start_write();
  void finish_write();  // drops the message start_write() gave

  std::size_t size() const { return queue_.size(); }
  std::size_t dropped_poses() const { return dropped_poses_; }

 private:
  std::deque<OutMessage> queue_;
  std::size_t max_control_;
  std::size_t control_count_ = 0;
  std::size_t dropped_poses_ = 0;
  bool in_flight_ = false;
};

}  // namespace am

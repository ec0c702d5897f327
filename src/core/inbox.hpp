// A many-writers, one-reader mailbox: any thread post()s items; the owner takes them all at once,
// in the order posted, with take_all(). Unbounded: the owner drains it every frame.
#pragma once

#include <mutex>
#include <utility>
#include <vector>

namespace am {

template <class T>
class Inbox {
 public:
  void post(T item) {
    std::lock_guard lock(mutex_);
    items_.push_back(std::move(item));
  }

  std::vector<T> take_all() {
    std::vector<T> taken;
    std::lock_guard lock(mutex_);
    taken.swap(items_);
    return taken;
  }

 private:
  std::mutex mutex_;
  std::vector<T> items_;
};

}  // namespace am

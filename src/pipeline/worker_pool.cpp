#include "pipeline/worker_pool.hpp"

#include <spdlog/spdlog.h>

#include "core/thread_priority.hpp"

namespace am {

WorkerPool::WorkerPool(int threads, std::size_t backlog) : queue_(backlog) {
  for (int i = 0; i < threads; ++i) threads_.emplace_back([this] { work(); });
}

WorkerPool::~WorkerPool() { stop(); }

bool WorkerPool::submit(Job job) {
  std::lock_guard lock(mutex_);
  if (!queue_.try_push(std::move(job))) return false;
  ++pending_;
  return true;
}

void WorkerPool::drain() {
  std::unique_lock lock(mutex_);
  idle_.wait(lock, [&] { return pending_ == 0; });
}

void WorkerPool::stop() {
  queue_.close(true);
  for (auto& t : threads_)
    if (t.joinable()) t.join();
  threads_.clear();
  std::lock_guard lock(mutex_);
  pending_ = 0;
  idle_.notify_all();
}

void WorkerPool::work() {
  set_current_thread_nice(kBackgroundNice);
  while (auto job = queue_.pop()) {
    try {
      job->run();
    } catch (const std::exception& e) {
      spdlog::error("{} failed: {}", job->name, e.what());
    }
    std::lock_guard lock(mutex_);
    if (pending_ > 0) --pending_;
    idle_.notify_all();
  }
}

}  // namespace am

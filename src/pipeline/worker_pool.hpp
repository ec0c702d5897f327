// A fixed set of threads running submitted jobs in order of arrival. submit() never blocks: it
// refuses when the backlog is full, so the live path can always move on. A job that throws is
// logged with its name and does not stop the pool. stop() cancels what has not started and
// waits for running jobs; drain() waits until everything submitted has run. The jobs are
// background work: the threads run at kBackgroundNice (core/thread_priority.hpp), so the live
// path's threads get the cores first and a long job does not make it skip frames.
#pragma once

#include <condition_variable>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "core/bounded_queue.hpp"

namespace am {

class WorkerPool {
 public:
  struct Job {
    std::string name;
    std::function<void()> run;
  };

  WorkerPool(int threads, std::size_t backlog);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  bool submit(Job job);
  void drain();
  void stop();

 private:
  void work();
  BoundedQueue<Job> queue_;
  std::vector<std::thread> threads_;
  std::mutex mutex_;
  std::condition_variable idle_;
  std::size_t pending_ = 0;  // submitted and not yet finished
};

}  // namespace am

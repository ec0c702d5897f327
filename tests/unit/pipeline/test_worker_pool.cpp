// WorkerPool: runs jobs, survives a throwing job, refuses beyond its backlog, drains, and runs
// its jobs at background priority while the submitting thread keeps its own.
#include <atomic>
#include <chrono>
#include <thread>

#include <gtest/gtest.h>

#include "core/thread_priority.hpp"
#include "pipeline/worker_pool.hpp"

namespace am {
namespace {

TEST(WorkerPool, RunsEveryJobAndSurvivesOneThatThrows) {
  WorkerPool pool(2, 16);
  std::atomic<int> done{0};
  EXPECT_TRUE(pool.submit({"bad", [] { throw std::runtime_error("boom"); }}));
  for (int i = 0; i < 10; ++i) EXPECT_TRUE(pool.submit({"job", [&] { ++done; }}));
  pool.drain();
  EXPECT_EQ(done, 10);
}

TEST(WorkerPool, RefusesInsteadOfBlockingWhenTheBacklogIsFull) {
  WorkerPool pool(1, 1);
  std::atomic<bool> release{false};
  ASSERT_TRUE(pool.submit({"slow", [&] {
                             while (!release)
                               std::this_thread::sleep_for(std::chrono::milliseconds(1));
                           }}));
  std::this_thread::sleep_for(std::chrono::milliseconds(50));  // the worker takes the slow job
  EXPECT_TRUE(pool.submit({"queued", [] {}}));
  EXPECT_FALSE(pool.submit({"refused", [] {}}));
  release = true;
  pool.drain();
}

TEST(WorkerPool, JobsRunAtBackgroundPriorityAndTheCallerKeepsItsOwn) {
  const int caller = current_thread_nice();
  ASSERT_LT(caller, kBackgroundNice) << "run the tests at a nice value below 10";
  WorkerPool pool(2, 4);
  std::atomic<int> seen[2] = {-100, -100};
  for (auto& s : seen) ASSERT_TRUE(pool.submit({"probe", [&s] { s = current_thread_nice(); }}));
  pool.drain();
  for (const auto& s : seen) EXPECT_EQ(s, kBackgroundNice);
  EXPECT_EQ(current_thread_nice(), caller);
}

}  // namespace
}  // namespace am

// LatestSlot, BoundedQueue and LatencyStats: newest-wins, never-blocking push, percentiles.
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "core/bounded_queue.hpp"
#include "core/inbox.hpp"
#include "core/latency_stats.hpp"
#include "core/latest_slot.hpp"

namespace am {
namespace {

TEST(LatestSlot, NewestValueWinsAndDropsAreCounted) {
  LatestSlot<int> slot;
  slot.put(1);
  slot.put(2);
  slot.put(3);
  EXPECT_EQ(slot.take(), 3);
  EXPECT_EQ(slot.dropped(), 2);
}

TEST(LatestSlot, TakeWaitsForAProducerAndEndsOnClose) {
  LatestSlot<int> slot;
  std::thread producer([&] {
    slot.put(7);
    slot.close();
  });
  EXPECT_EQ(slot.take(), 7);
  producer.join();
  EXPECT_EQ(slot.take(), std::nullopt);
}

TEST(BoundedQueue, RefusesWhenFullInsteadOfBlocking) {
  BoundedQueue<int> queue(2);
  EXPECT_TRUE(queue.try_push(1));
  EXPECT_TRUE(queue.try_push(2));
  EXPECT_FALSE(queue.try_push(3));
  EXPECT_EQ(queue.pop(), 1);
  EXPECT_TRUE(queue.try_push(3));
  EXPECT_EQ(queue.size(), 2u);
}

TEST(BoundedQueue, CloseHandsOutTheRestThenEnds) {
  BoundedQueue<int> queue(4);
  queue.try_push(1);
  queue.close();
  EXPECT_FALSE(queue.try_push(2));
  EXPECT_EQ(queue.pop(), 1);
  EXPECT_EQ(queue.pop(), std::nullopt);
}

TEST(BoundedQueue, CloseCanDiscardTheBacklog) {
  BoundedQueue<int> queue(4);
  queue.try_push(1);
  queue.close(true);
  EXPECT_EQ(queue.pop(), std::nullopt);
}

TEST(Inbox, TakesEveryPostFromEveryThreadOnceInPostingOrder) {
  Inbox<int> inbox;
  std::vector<std::thread> writers;
  for (int w = 0; w < 4; ++w) {
    writers.emplace_back([&inbox, w] {
      for (int i = 0; i < 250; ++i) inbox.post(w * 1000 + i);
    });
  }
  std::vector<int> taken;
  for (std::thread& t : writers) t.join();
  for (int v : inbox.take_all()) taken.push_back(v);
  EXPECT_TRUE(inbox.take_all().empty());
  ASSERT_EQ(taken.size(), 1000u);
  std::vector<int> last(4, -1);
  for (int v : taken) {
    EXPECT_GT(v % 1000, last[v / 1000]);  // each writer's posts in its order
    last[v / 1000] = v % 1000;
  }
}

TEST(LatencyStats, PercentilesOfTheWindow) {
  LatencyStats stats(100);
  for (int i = 1; i <= 100; ++i) stats.add(i);
  EXPECT_NEAR(stats.percentile(50), 50.5, 0.6);
  EXPECT_NEAR(stats.percentile(95), 95, 1.0);
  for (int i = 0; i < 100; ++i) stats.add(1000);  // the window forgets old samples
  EXPECT_EQ(stats.percentile(5), 1000);
  EXPECT_EQ(stats.total(), 200u);
}

TEST(LatencyStats, EmptyIsZero) { EXPECT_EQ(LatencyStats().percentile(95), 0.0); }

}  // namespace
}  // namespace am

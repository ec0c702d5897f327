#include <gtest/gtest.h>

#include "stream/log_limiter.hpp"
#include "stream/send_queue.hpp"

namespace am {
namespace {

OutMessage msg(MessageKind kind, const std::string& text) {
  return {kind, std::make_shared<const std::string>(text)};
}

std::vector<std::string> drain(SendQueue& q) {
  std::vector<std::string> out;
  while (const OutMessage* m = q.start_write()) {
    out.push_back(*m->text);
    q.finish_write();
  }
  return out;
}

TEST(SendQueue, KeepsOnlyTheNewestWaitingPoseAndEveryControlMessage) {
  SendQueue q(16);
  q.push(msg(MessageKind::control, "hello"));
  for (int i = 0; i < 100; ++i) {
    q.push(msg(MessageKind::pose, "pose" + std::to_string(i)));
    if (i == 50) q.push(msg(MessageKind::control, "new_character"));
  }
  q.push(msg(MessageKind::control, "person_left"));
  EXPECT_EQ(drain(q),
            (std::vector<std::string>{"hello", "new_character", "pose99", "person_left"}));
  EXPECT_EQ(q.dropped_poses(), 99u);
}

TEST(SendQueue, NeverReplacesThePoseBeingWritten) {
  SendQueue q(16);
  q.push(msg(MessageKind::pose, "a"));
  const OutMessage* in_flight = q.start_write();
  ASSERT_NE(in_flight, nullptr);
  EXPECT_EQ(q.start_write(), nullptr) << "one write at a time";
  q.push(msg(MessageKind::pose, "b"));
  q.push(msg(MessageKind::pose, "c"));
  EXPECT_EQ(*in_flight->text, "a");
  q.finish_write();
  EXPECT_EQ(drain(q), std::vector<std::string>{"c"});
}

TEST(SendQueue, ReportsOverflowOfControlMessages) {
  SendQueue q(3);
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(q.push(msg(MessageKind::control, "c")));
  EXPECT_TRUE(q.push(msg(MessageKind::pose, "p"))) << "poses never overflow";
  EXPECT_FALSE(q.push(msg(MessageKind::control, "c")));
  drain(q);
  EXPECT_TRUE(q.push(msg(MessageKind::control, "c")));
}

TEST(LogLimiter, AllowsABurstPerWindowAndCountsTheSuppressed) {
  LogLimiter limit(2, 1000.0);
  EXPECT_EQ(limit.allow(0.0), 0u);
  EXPECT_EQ(limit.allow(10.0), 0u);
  EXPECT_FALSE(limit.allow(20.0));
  EXPECT_FALSE(limit.allow(30.0));
  EXPECT_EQ(limit.allow(1500.0), 2u);
}

}  // namespace
}  // namespace am

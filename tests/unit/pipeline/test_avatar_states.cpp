// The avatar life cycle per person: build once, retry after a failure, forget on leaving (after a
// running build reports), and no second build for someone back while theirs runs.
#include <gtest/gtest.h>

#include "pipeline/avatar_states.hpp"

namespace am {
namespace {

BindPose some_bind_pose() {
  Landmarks points{};
  for (size_t i = 0; i < points.size(); ++i)
    points[i] = Eigen::Vector3d(0.01 * i, -0.02 * i, 0.003 * i);
  return make_bind_pose(points);
}

TEST(AvatarStates, BuildsOncePerPerson) {
  AvatarStates states;
  EXPECT_TRUE(states.wants_build(1, 0));
  states.mark_building(1);
  EXPECT_FALSE(states.wants_build(1, 0));
  states.post({1, true, some_bind_pose()});
  states.apply_posted(10);
  EXPECT_FALSE(states.wants_build(1, 20));
  EXPECT_NE(states.bind_pose(1), nullptr);
}

TEST(AvatarStates, AFailedBuildIsRetriedAfterThePause) {
  AvatarStates states(5000);
  states.mark_building(2);
  states.post({2, false, std::nullopt});
  states.apply_posted(1000);
  EXPECT_FALSE(states.wants_build(2, 5999));
  EXPECT_TRUE(states.wants_build(2, 6000));
  EXPECT_EQ(states.bind_pose(2), nullptr);
}

TEST(AvatarStates, AnOutcomeForSomeoneWhoLeftIsDropped) {
  AvatarStates states;
  states.mark_building(3);
  states.forget(3);
  EXPECT_FALSE(states.wants_build(3, 0)) << "their build is still running";
  states.post({3, true, some_bind_pose()});
  states.apply_posted(0);
  EXPECT_EQ(states.bind_pose(3), nullptr);
  EXPECT_TRUE(states.wants_build(3, 0)) << "state gone once the build reported";
}

TEST(AvatarStates, SomeoneBackWhileTheirBuildRunsGetsItWithoutASecondBuild) {
  AvatarStates states;
  states.mark_building(4);
  states.forget(4);
  states.keep(4);
  EXPECT_FALSE(states.wants_build(4, 0));
  states.post({4, true, some_bind_pose()});
  states.apply_posted(0);
  EXPECT_NE(states.bind_pose(4), nullptr);
  EXPECT_FALSE(states.wants_build(4, 0));
}

TEST(AvatarStates, LeavingWithAReadyAvatarForgetsItAtOnce) {
  AvatarStates states;
  states.mark_ready(5, some_bind_pose());
  states.forget(5);
  EXPECT_EQ(states.bind_pose(5), nullptr);
  states.keep(5);
  EXPECT_TRUE(states.wants_build(5, 0));
}

}  // namespace
}  // namespace am

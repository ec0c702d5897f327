// The avatar life cycle per person: build once, retry after a failure, forget on leaving.
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

TEST(AvatarStates, AnOutcomeForSomeoneWhoLeftIsIgnored) {
  AvatarStates states;
  states.mark_building(3);
  states.forget(3);
  states.post({3, true, some_bind_pose()});
  states.apply_posted(0);
  EXPECT_EQ(states.bind_pose(3), nullptr);
  EXPECT_TRUE(states.ids().empty());
}

}  // namespace
}  // namespace am

#include <gtest/gtest.h>

#include "synthetic_person.hpp"
#include "tracking/match_cost.hpp"

namespace am::tracking {
namespace {

using test::make_person;

TEST(BoxIou, IdenticalDisjointAndHalfOverlap) {
  EXPECT_FLOAT_EQ(box_iou({0, 0, 10, 10}, {0, 0, 10, 10}), 1);
  EXPECT_FLOAT_EQ(box_iou({0, 0, 10, 10}, {20, 0, 10, 10}), 0);
  EXPECT_NEAR(box_iou({0, 0, 10, 10}, {5, 0, 10, 10}), 50.0 / 150.0, 1e-6);
}

TEST(LandmarkDistance, IsTheMeanShiftOverVisibleLandmarksRelativeToScale) {
  const PersonInput a = make_person(100, 10, 300);
  PersonInput b = make_person(130, 10, 300);  // every landmark 30 px to the right
  EXPECT_NEAR(*landmark_distance(a.landmarks, b.landmarks, 60, 0.5f), 0.5f, 1e-4);
  for (auto& l : b.landmarks) l.visibility = 0.1f;
  EXPECT_FALSE(landmark_distance(a.landmarks, b.landmarks, 60, 0.5f).has_value());
}

TEST(MatchCost, SamePlaceIsCheapFarAwayIsForbidden) {
  const CostOptions options;
  const PersonInput a = make_person(200, 50, 300);
  EXPECT_NEAR(match_cost(a, a, options), 0, 1e-6);
  EXPECT_LT(match_cost(a, make_person(210, 52, 300), options), 0.2);
  EXPECT_EQ(match_cost(a, make_person(600, 50, 300), options), kForbiddenCost);
}

TEST(MatchCost, MatchingFacesAllowFarAwayDifferentFacesCostMore) {
  const CostOptions options;
  PersonInput track = make_person(200, 50, 300);
  track.face = test::random_face(1);
  PersonInput far = make_person(600, 50, 300);
  far.face = test::same_face(track.face, 2);
  EXPECT_LT(match_cost(track, far, options), kForbiddenCost);

  PersonInput near_same = make_person(215, 50, 300);
  near_same.face = test::same_face(track.face, 3);
  PersonInput near_other = near_same;
  near_other.face = test::random_face(4);
  EXPECT_LT(match_cost(track, near_same, options) + 0.3, match_cost(track, near_other, options));
}

}  // namespace
}  // namespace am::tracking

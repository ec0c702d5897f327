// hand_occluder_mask(): each well-seen hand of the pose becomes its landmarks' hull grown by half
// the hand's size; hands seen too poorly and the rest of the body stay out. face_owner(): a face
// box belongs to the person whose nose and eyes lie in it.
#include <vector>

#include <gtest/gtest.h>
#include <opencv2/core.hpp>

#include "faceswap/pose_face_parts.hpp"

namespace am {
namespace {

void put(PoseLandmarks& pose, Landmark l, float x, float y, float visibility = 0.9f) {
  pose[l] = {x, y, 0, visibility, 1};
}

// A right hand of 40 px (wrist to index) at (100..140, 100..120), the rest of the body unseen.
PoseLandmarks right_hand_only() {
  PoseLandmarks pose{};
  put(pose, lm::kRightWrist, 100, 110);
  put(pose, lm::kRightPinky, 135, 120);
  put(pose, lm::kRightIndex, 140, 100);
  put(pose, lm::kRightThumb, 120, 95);
  return pose;
}

// A face looking at the camera: nose at (x, y), eyes 10 px above and to the sides.
PoseLandmarks face_at(float x, float y, float visibility = 0.9f) {
  PoseLandmarks pose{};
  put(pose, lm::kNose, x, y, visibility);
  put(pose, lm::kLeftEye, x + 10, y - 10, visibility);
  put(pose, lm::kRightEye, x - 10, y - 10, visibility);
  return pose;
}

bool marked(const cv::Mat& mask, int x, int y) { return mask.at<uchar>(y, x) == 255; }

TEST(HandOccluderMask, AWellSeenHandIsItsHullGrownByHalfItsSize) {
  const std::vector<PoseLandmarks> persons{right_hand_only()};
  const cv::Mat mask = hand_occluder_mask(persons, {300, 200});
  ASSERT_EQ(mask.type(), CV_8U);
  ASSERT_EQ(mask.size(), cv::Size(300, 200));
  EXPECT_TRUE(marked(mask, 120, 108)) << "inside the hull";
  // The hand's size is its largest spread, wrist to index, about 41 px: grown by about 20 px.
  EXPECT_TRUE(marked(mask, 155, 100)) << "15 px beyond the index";
  EXPECT_TRUE(marked(mask, 120, 80)) << "15 px above the thumb";
  EXPECT_FALSE(marked(mask, 170, 100)) << "30 px beyond the index";
  EXPECT_FALSE(marked(mask, 20, 20));
  const double area = cv::countNonZero(mask);
  EXPECT_GT(area, 2500);
  EXPECT_LT(area, 6000);
}

TEST(HandOccluderMask, PoorlySeenHandsAndLoneWristsAreLeftOut) {
  PoseLandmarks unseen = right_hand_only();
  for (Landmark l : {lm::kRightWrist, lm::kRightPinky, lm::kRightIndex, lm::kRightThumb})
    unseen[l].visibility = 0.2f;
  PoseLandmarks wrist_only{};
  put(wrist_only, lm::kLeftWrist, 50, 50);
  const std::vector<PoseLandmarks> persons{unseen, wrist_only, face_at(150, 100)};
  EXPECT_EQ(cv::countNonZero(hand_occluder_mask(persons, {300, 200})), 0);
  HandOccluderOptions lenient;
  lenient.min_visibility = 0.1f;
  EXPECT_GT(cv::countNonZero(hand_occluder_mask(persons, {300, 200}, lenient)), 0);
}

TEST(HandOccluderMask, EveryPersonsHandsAreMarked) {
  PoseLandmarks left_hand{};
  put(left_hand, lm::kLeftWrist, 10, 110);
  put(left_hand, lm::kLeftPinky, 45, 120);
  put(left_hand, lm::kLeftIndex, 50, 100);
  const std::vector<PoseLandmarks> persons{right_hand_only(), left_hand};
  const cv::Mat mask = hand_occluder_mask(persons, {300, 200});
  EXPECT_TRUE(marked(mask, 120, 108)) << "the first person's right hand";
  EXPECT_TRUE(marked(mask, 30, 108)) << "the second person's left hand";
  EXPECT_FALSE(marked(mask, 75, 108)) << "between the hands";
}

TEST(HandOccluderMask, AHandOffTheImageIsClipped) {
  PoseLandmarks pose = right_hand_only();
  for (PoseLandmark& l : pose) l.x += 150;
  const std::vector<PoseLandmarks> persons{pose};
  const cv::Mat mask = hand_occluder_mask(persons, {300, 200});
  EXPECT_GT(cv::countNonZero(mask), 0);
  EXPECT_TRUE(marked(mask, 299, 105));
}

TEST(FaceOwner, TheFaceBelongsToThePersonWhoseNoseAndEyesAreInIt) {
  const std::vector<PoseLandmarks> persons{face_at(100, 100), face_at(300, 100)};
  EXPECT_EQ(face_owner({270, 70, 60, 70}, persons), 1u);
  EXPECT_EQ(face_owner({70, 70, 60, 70}, persons), 0u);
  EXPECT_FALSE(face_owner({170, 70, 60, 70}, persons).has_value()) << "nobody's face there";
}

TEST(FaceOwner, MorePointsInsideWinThenTheNearestCentre) {
  // The first person has nose and eyes in the box; the second, whose points' centre is nearer the
  // box's centre, only the eyes (the nose is below it).
  const std::vector<PoseLandmarks> persons{face_at(100, 100), face_at(110, 116)};
  EXPECT_EQ(face_owner({85, 85, 50, 30}, persons), 0u);
  // Both wholly inside a large box: the one nearer its centre.
  EXPECT_EQ(face_owner({40, 40, 140, 140}, persons), 1u);
  EXPECT_EQ(face_owner({20, 20, 140, 140}, persons), 0u);
}

TEST(FaceOwner, UnseenLandmarksDoNotCount) {
  const std::vector<PoseLandmarks> persons{face_at(100, 100, 0.1f), face_at(110, 100)};
  EXPECT_EQ(face_owner({70, 70, 60, 70}, persons), 1u);
  EXPECT_FALSE(face_owner({70, 70, 60, 70}, std::vector<PoseLandmarks>{face_at(100, 100, 0.1f)})
                   .has_value());
}

}  // namespace
}  // namespace am

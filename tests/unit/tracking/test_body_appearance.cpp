#include <gtest/gtest.h>

#include "synthetic_body.hpp"
#include "tracking/body_appearance.hpp"
#include "tracking/body_regions.hpp"
#include "tracking/identity_decision.hpp"

namespace am::tracking {
namespace {

using test::draw_person;
using test::DrawnPerson;
using test::make_person;
using test::Outfit;

BodyAppearance describe(const DrawnPerson& d, bool with_mask = true) {
  return describe_body(d.image, with_mask ? cv::Mat(d.mask) : cv::Mat(), d.person.landmarks,
                       d.person.world, d.person.box);
}

float distance(const BodyAppearance& a, const BodyAppearance& b) {
  const auto d = body_distance(a, b);
  EXPECT_TRUE(d.has_value());
  return d ? d->total : 1e9f;
}

TEST(BodyRegions, PaintsEveryPartOfAVisiblePerson) {
  const PersonInput p = make_person(240, 40, 560);
  const cv::Mat1b labels = paint_body_parts({480, 640}, p.landmarks, 0.5f);
  for (int part = 0; part < kBodyPartCount; ++part)
    EXPECT_GT(cv::countNonZero(labels == part), 100) << "part " << part;
  EXPECT_EQ(labels(cvRound(p.landmarks[lm::kLeftKnee].y), cvRound(p.landmarks[lm::kLeftKnee].x)),
            kLowerPart);
  EXPECT_EQ(labels(5, 5), kNoPart);
}

TEST(BodyRegions, InvisibleLegsAreNotPainted) {
  PersonInput p = make_person(240, 40, 560);
  for (int i = lm::kLeftKnee; i < kLandmarkCount; ++i) p.landmarks[i].visibility = 0.1f;
  const cv::Mat1b labels = paint_body_parts({480, 640}, p.landmarks, 0.5f);
  EXPECT_EQ(cv::countNonZero(labels == kShoesPart), 0);
  EXPECT_GT(cv::countNonZero(labels == kUpperPart), 100);
}

TEST(BodyAppearance, DescribesEachPartsColour) {
  const BodyAppearance body = describe(draw_person({}, make_person(240, 40, 560)));
  for (const auto& part : body.parts) EXPECT_EQ(part.weight, 1.0f);
  // The shirt (BGR 180, 60, 40) is blue: little red; the grey trousers have r = g = 1/3.
  EXPECT_LT(body.parts[kUpperPart].stats[0], 20);
  EXPECT_NEAR(body.parts[kLowerPart].stats[0], 100.0 / 3, 1);
  EXPECT_NEAR(body.parts[kLowerPart].stats[1], 100.0 / 3, 1);
  EXPECT_GT(body.parts[kShoesPart].stats[2], body.parts[kLowerPart].stats[2]) << "white shoes";
}

TEST(BodyAppearance, ProportionsComeFromTheWorldLandmarks) {
  const BodyAppearance body = describe(draw_person({}, make_person(240, 40, 560)));
  for (const float w : body.proportion_weights) EXPECT_EQ(w, 1.0f);
  EXPECT_NEAR(body.proportions[0], 0.24f / 0.32f, 0.01f) << "shoulder width over torso";
  EXPECT_GT(body.proportions[kProportionCount - 1], 1.2f) << "height in metres";
}

TEST(BodyAppearance, SamePersonDimmerOrMirroredStaysClose) {
  const DrawnPerson d = draw_person({}, make_person(240, 40, 560));
  const BodyAppearance body = describe(d);
  DrawnPerson dim = d;
  d.image.convertTo(dim.image, -1, 0.55);
  EXPECT_LT(distance(body, describe(dim)), 0.1f);
  EXPECT_LT(distance(body, describe(test::mirrored(d))), 0.1f) << "pixel rounding only";
  EXPECT_NEAR(distance(body, body), 0.0f, 1e-6f);
}

TEST(BodyAppearance, OtherClothesOrBuildAreFar) {
  const PersonInput pose = make_person(240, 40, 560);
  const BodyAppearance body = describe(draw_person({}, pose));
  Outfit red;
  red.shirt = {40, 40, 200};
  EXPECT_GT(distance(body, describe(draw_person(red, pose))), IdentityOptions{}.body_threshold)
      << "one part of four in another colour is enough to tell them apart";
  PersonInput broad = pose;
  for (const int i : {lm::kLeftShoulder, lm::kLeftElbow, lm::kLeftWrist}) broad.world[i].x *= 1.5f;
  for (const int i : {lm::kRightShoulder, lm::kRightElbow, lm::kRightWrist})
    broad.world[i].x *= 1.5f;
  const auto d = body_distance(body, describe(draw_person({}, broad)));
  ASSERT_TRUE(d.has_value());
  EXPECT_GT(d->proportion, 0.05f);
  EXPECT_NEAR(d->colour, 0, 0.05f);
}

TEST(BodyAppearance, TheMaskKeepsTheBackgroundOut) {
  const DrawnPerson d = draw_person({}, make_person(240, 40, 560));
  const BodyAppearance masked = describe(d), unmasked = describe(d, false);
  // Without the mask the lighter grey background bleeds into the head disc around the dark hair.
  EXPECT_GT(unmasked.parts[kHeadPart].stats[2], masked.parts[kHeadPart].stats[2] + 5);
}

TEST(BodyAppearance, TooFewSharedPartsCannotBeCompared) {
  PersonInput p = make_person(240, 40, 560);
  const BodyAppearance full = describe(draw_person({}, p));
  for (int i = 0; i < kLandmarkCount; ++i) p.landmarks[i].visibility = 0.1f;
  const BodyAppearance nothing = describe(draw_person({}, p));
  EXPECT_FALSE(body_distance(full, nothing).has_value());
}

TEST(BodyAppearance, AccumulateIsAWeightedMean) {
  BodyAppearance a, b, total;
  a.parts[kUpperPart] = {{10, 0, 0, 0, 0, 0}, 1};
  b.parts[kUpperPart] = {{20, 0, 0, 0, 0, 0}, 1};
  a.observations = b.observations = 1;
  accumulate(total, a);
  accumulate(total, a);
  accumulate(total, b);
  EXPECT_NEAR(total.parts[kUpperPart].stats[0], 40.0f / 3, 1e-4f);
  EXPECT_EQ(total.parts[kUpperPart].weight, 3.0f);
  EXPECT_EQ(total.parts[kHeadPart].weight, 0.0f) << "a part never seen stays unseen";
  EXPECT_EQ(total.observations, 3);
}

TEST(BodyAppearance, FloatsRoundTripAndRejectAnotherLayout) {
  const BodyAppearance body = describe(draw_person({}, make_person(240, 40, 560)));
  const std::vector<float> floats = to_floats(body);
  EXPECT_EQ(body_from_floats(floats), body);
  EXPECT_FALSE(body_from_floats(std::vector<float>(floats.begin(), floats.end() - 1)));
}

}  // namespace
}  // namespace am::tracking

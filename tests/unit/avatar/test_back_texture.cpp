// The synthesized back (back_texture.hpp, head_colours.hpp) on the synthetic person: hair on
// the back of the head and no face, a bald head stays skin, a shirt print does not reach the
// back, neck and hands are skin, and the back meets the front at the silhouette.
#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

#include "avatar/back_texture.hpp"
#include "avatar/landmarks.hpp"
#include "avatar/reconstruct.hpp"
#include "core/error.hpp"
#include "unit/avatar/synthetic_person.hpp"

namespace am::test {
namespace {

using avatar::PartKind;

const cv::Scalar kSkin(120, 150, 205), kShirt(60, 60, 190), kHair(30, 45, 80);

struct BackCase {
  SyntheticPerson person;
  cv::Mat mask;
  std::vector<avatar::BodyPart> parts;
  cv::Mat back;
};

// Hair over the head ellipse except an oval face (above and beside it), as a person seen from
// the front.
void paint_hair(SyntheticPerson& p) {
  cv::Mat head = cv::Mat::zeros(p.view.image.size(), CV_8UC1), face = head.clone();
  cv::ellipse(head, cv::RotatedRect({256, 62}, {60, 72}, 0), 255, cv::FILLED);
  cv::ellipse(face, cv::RotatedRect({256, 74}, {40, 56}, 0), 255, cv::FILLED);
  p.view.image.setTo(kHair, head & ~face);
}

// A black-and-white checker print (6 px squares) on the chest.
void paint_print(SyntheticPerson& p) {
  for (int y = 140; y < 230; ++y)
    for (int x = 226; x < 286; ++x)
      p.view.image.at<cv::Vec3b>(y, x) =
          ((x / 6 + y / 6) % 2) ? cv::Vec3b(250, 250, 250) : cv::Vec3b(10, 10, 10);
}

BackCase synthesize(SyntheticPerson person) {
  BackCase c{std::move(person), {}, {}, {}};
  c.mask = avatar::clean_person_mask(c.person.view.mask);
  cv::Mat distance;
  cv::distanceTransform(c.mask, distance, cv::DIST_L2, cv::DIST_MASK_PRECISE);
  c.parts = avatar::make_body_parts(c.person.view.landmarks, c.person.view.world, distance, {},
                                    c.person.metres_per_pixel);
  c.back = avatar::synthesize_back(c.person.view.image, c.mask, c.parts,
                                   avatar::estimate_face_outline(c.person.view.landmarks));
  return c;
}

cv::Scalar colour_at(const cv::Mat& bgr, cv::Point p) {
  const cv::Vec3b v = bgr.at<cv::Vec3b>(p);
  return {static_cast<double>(v[0]), static_cast<double>(v[1]), static_cast<double>(v[2])};
}

// Mean absolute Laplacian: the high-frequency energy of a region.
double detail_energy(const cv::Mat& bgr, const cv::Rect& region) {
  cv::Mat grey, lap;
  cv::cvtColor(bgr(region), grey, cv::COLOR_BGR2GRAY);
  cv::Laplacian(grey, lap, CV_32F);
  return cv::mean(cv::abs(lap))[0];
}

TEST(AvatarBackTexture, BackOfTheHeadIsHairAndShowsNoFace) {
  SyntheticPerson p = make_synthetic_person();
  paint_hair(p);
  const BackCase c = synthesize(std::move(p));
  for (const cv::Point q : {cv::Point(256, 60), cv::Point(248, 60), cv::Point(256, 72),
                            cv::Point(264, 66), cv::Point(256, 40)}) {
    const cv::Scalar back = colour_at(c.back, q);
    EXPECT_LT(avatar::colour_distance(back, kHair), 10.0) << "at " << q;
    EXPECT_GT(avatar::colour_distance(back, kSkin), 30.0)
        << "skin on the back of the head at " << q;
  }
}

TEST(AvatarBackTexture, BaldHeadKeepsSkinWithoutEyes) {
  const BackCase c = synthesize(make_synthetic_person());
  for (const cv::Point q : {cv::Point(248, 60), cv::Point(264, 60), cv::Point(256, 40)})
    EXPECT_LT(avatar::colour_distance(colour_at(c.back, q), kSkin), 8.0) << "at " << q;
}

TEST(AvatarBackTexture, ShirtPrintDoesNotReachTheBack) {
  SyntheticPerson p = make_synthetic_person();
  paint_print(p);
  const BackCase c = synthesize(std::move(p));
  const cv::Rect chest(230, 145, 50, 80);
  const double front = detail_energy(c.person.view.image, chest);
  const double back = detail_energy(c.back, chest);
  EXPECT_GT(front, 50.0);
  EXPECT_LT(back, 0.05 * front) << "front " << front << ", back " << back;
}

TEST(AvatarBackTexture, PlainShirtKeepsItsColourOnTheBack) {
  const BackCase c = synthesize(make_synthetic_person());
  for (const cv::Point q : {cv::Point(256, 160), cv::Point(240, 200), cv::Point(323, 150)})
    EXPECT_LT(avatar::colour_distance(colour_at(c.back, q), kShirt), 5.0) << "at " << q;
}

TEST(AvatarBackTexture, NeckAndHandsAreSkinColoured) {
  const BackCase c = synthesize(make_synthetic_person());
  const auto& l = c.person.view.landmarks;
  const cv::Point hand(cvRound(0.5f * (l[lm::kLeftIndex].x + l[lm::kLeftPinky].x)),
                       cvRound(0.5f * (l[lm::kLeftIndex].y + l[lm::kLeftPinky].y)));
  for (const cv::Point q : {cv::Point(256, 105), hand})
    EXPECT_LT(avatar::colour_distance(colour_at(c.back, q), kSkin), 8.0) << "at " << q;
}

TEST(AvatarBackTexture, BackMeetsTheFrontAtTheSilhouette) {
  SyntheticPerson p = make_synthetic_person();
  paint_hair(p);
  paint_print(p);
  const BackCase c = synthesize(std::move(p));
  cv::Mat distance, diff;
  cv::distanceTransform(c.mask, distance, cv::DIST_L2, cv::DIST_MASK_PRECISE);
  cv::absdiff(c.back, c.person.view.image, diff);
  const cv::Mat rim = (distance > 0) & (distance <= 1.0);
  ASSERT_GT(cv::countNonZero(rim), 100);
  EXPECT_LT(cv::mean(diff, rim)[0], 1.0);
}

TEST(AvatarBackTexture, LabelsFollowTheBodyParts) {
  const BackCase c = synthesize(make_synthetic_person());
  const cv::Mat labels = avatar::label_body_parts(c.parts, c.mask);
  const auto kind_at = [&](cv::Point q) { return c.parts[labels.at<uint8_t>(q)].kind; };
  EXPECT_EQ(kind_at({256, 50}), PartKind::kHead);
  EXPECT_EQ(kind_at({256, 200}), PartKind::kTorso);
  EXPECT_EQ(kind_at({367, 230}), PartKind::kForearm);
  EXPECT_EQ(kind_at({296, 420}), PartKind::kShin);
  EXPECT_EQ(labels.at<uint8_t>(0, 0), avatar::kNoPart);
}

TEST(AvatarHeadColours, HairIsToldFromSkinAboveTheForehead) {
  SyntheticPerson hairy = make_synthetic_person();
  paint_hair(hairy);
  const SyntheticPerson bald = make_synthetic_person();
  const cv::Mat mask = avatar::clean_person_mask(bald.view.mask);
  const auto outline = avatar::estimate_face_outline(bald.view.landmarks);
  const auto with_hair = avatar::measure_head_colours(hairy.view.image, mask, outline);
  const auto without = avatar::measure_head_colours(bald.view.image, mask, outline);
  EXPECT_TRUE(with_hair.has_hair);
  EXPECT_LT(avatar::colour_distance(with_hair.hair, kHair), 5.0);
  EXPECT_LT(avatar::colour_distance(with_hair.skin, kSkin), 5.0);
  EXPECT_FALSE(without.has_hair);
  EXPECT_LT(avatar::colour_distance(without.hair, kSkin), 5.0);
  EXPECT_THROW(avatar::measure_head_colours(bald.view.image, mask, {{1, 1}, {2, 2}}), Error);
}

TEST(AvatarBackTexture, HeadOutOfThePhotoIsPaintedLikeClothing) {
  const SyntheticPerson p = make_synthetic_person();
  const cv::Mat mask = avatar::clean_person_mask(p.view.mask);
  cv::Mat distance;
  cv::distanceTransform(mask, distance, cv::DIST_L2, cv::DIST_MASK_PRECISE);
  const auto parts =
      avatar::make_body_parts(p.view.landmarks, p.view.world, distance, {}, p.metres_per_pixel);
  const std::vector<cv::Point2f> outside = {{0, 0}, {10, 0}, {10, 10}};
  EXPECT_FALSE(avatar::face_visible(mask, outside));
  const cv::Mat back = avatar::synthesize_back(p.view.image, mask, parts, outside);
  EXPECT_LT(avatar::colour_distance(colour_at(back, {256, 160}), kShirt), 5.0);
}

TEST(AvatarHeadColours, EstimatedFaceOutlineHoldsEyesAndMouth) {
  const auto& l = make_synthetic_person().view.landmarks;
  const auto outline = avatar::estimate_face_outline(l);
  ASSERT_EQ(outline.size(), 36u);
  for (const int i : {lm::kLeftEye, lm::kRightEye, lm::kMouthLeft, lm::kMouthRight, lm::kNose})
    EXPECT_GT(cv::pointPolygonTest(outline, cv::Point2f(l[i].x, l[i].y), true), 3.0) << i;
}

}  // namespace
}  // namespace am::test

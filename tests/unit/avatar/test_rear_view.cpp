// Refinement of the back from a rear view (rear_view.hpp) on the synthetic person: a rear frame
// is the person mirrored (left and right landmarks swapped) with a back print; it is told from
// the front view, and warped into the back half its print lands behind the same body parts.
#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

#include "avatar/landmarks.hpp"
#include "avatar/rear_view.hpp"
#include "avatar/reconstruct.hpp"
#include "core/error.hpp"
#include "unit/avatar/synthetic_person.hpp"

namespace am::test {
namespace {

const cv::Vec3b kBackPrint(20, 200, 240);

// The synthetic person seen from behind, shifted right by dx: the image and every landmark
// mirrored (the body is symmetric; the person's left shoulder is now on the image's left), a
// yellow patch on the person's left shoulder blade.
struct RearFrame {
  cv::Mat image, mask;
  PoseLandmarks landmarks;
};

RearFrame rear_of(const SyntheticPerson& p, int dx) {
  RearFrame r;
  const cv::Matx23d shift(1, 0, dx, 0, 1, 0);
  cv::Mat flipped_image, flipped_mask;
  cv::flip(p.view.image, flipped_image, 1);
  cv::flip(p.view.mask, flipped_mask, 1);
  cv::warpAffine(flipped_image, r.image, shift, flipped_image.size());
  cv::warpAffine(flipped_mask, r.mask, shift, flipped_mask.size());
  const float w = static_cast<float>(p.view.image.cols - 1);
  for (int i = 0; i < kLandmarkCount; ++i) {
    r.landmarks[i] = p.view.landmarks[i];
    r.landmarks[i].x = w - p.view.landmarks[i].x + static_cast<float>(dx);
  }
  const cv::Point2f left_shoulder(r.landmarks[lm::kLeftShoulder].x,
                                  r.landmarks[lm::kLeftShoulder].y);
  cv::rectangle(r.image,
                cv::Rect(cvRound(left_shoulder.x) + 5, cvRound(left_shoulder.y) + 20, 20, 20),
                cv::Scalar(kBackPrint), cv::FILLED);
  return r;
}

TEST(AvatarRearView, TellsABackFromAFront) {
  const SyntheticPerson p = make_synthetic_person();
  EXPECT_FALSE(avatar::faces_away(p.view.landmarks));
  EXPECT_TRUE(avatar::faces_away(rear_of(p, 0).landmarks));
}

TEST(AvatarRearView, PrintLandsBehindTheSameShoulder) {
  const SyntheticPerson p = make_synthetic_person();
  const RearFrame r = rear_of(p, 30);
  const cv::Rect crop(0, 0, p.view.image.cols, p.view.image.rows);
  const avatar::RearWarp warp =
      avatar::warp_rear_view(r.image, r.mask, r.landmarks, p.view.landmarks, crop);
  // The person's left shoulder is at image right in the front view; the print is below it.
  const cv::Point2f shoulder(p.view.landmarks[lm::kLeftShoulder].x,
                             p.view.landmarks[lm::kLeftShoulder].y);
  const cv::Point print(cvRound(shoulder.x) - 15, cvRound(shoulder.y) + 30);
  EXPECT_LT(cv::norm(cv::Vec3d(warp.image.at<cv::Vec3b>(print)) - cv::Vec3d(kBackPrint)), 30.0);
  const cv::Mat front_mask = avatar::clean_person_mask(p.view.mask);
  cv::Mat overlap = warp.mask & front_mask, either = warp.mask | front_mask;
  EXPECT_GT(cv::countNonZero(overlap), 0.95 * cv::countNonZero(either));
  const cv::Mat plain(crop.size(), CV_8UC3, cv::Scalar(128, 128, 128));
  const cv::Mat pasted = avatar::paste_rear_view(plain, warp, front_mask, 3.0f);
  EXPECT_LT(cv::norm(cv::Vec3d(pasted.at<cv::Vec3b>(print)) - cv::Vec3d(kBackPrint)), 30.0);
  EXPECT_EQ(pasted.at<cv::Vec3b>(5, 5), cv::Vec3b(128, 128, 128)) << "outside the person";
}

TEST(AvatarRearView, NeedsLandmarksSeenInBothViews) {
  const SyntheticPerson p = make_synthetic_person();
  RearFrame r = rear_of(p, 0);
  for (auto& l : r.landmarks) l.visibility = 0;
  EXPECT_THROW(avatar::warp_rear_view(r.image, r.mask, r.landmarks, p.view.landmarks,
                                      cv::Rect(0, 0, 512, 512)),
               Error);
}

}  // namespace
}  // namespace am::test

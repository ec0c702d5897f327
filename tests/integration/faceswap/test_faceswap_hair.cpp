// Hair over the face stays: a strand of real hair (cut from above fr_obama's forehead) laid over
// fr_biden's temple and cheek, out past the face's edge, then swapped with fr_obama3. Where the
// swap changes the face without the strand, by default (keep_covering) nearly all of the strand is
// left as it was while the rest of the face is swapped; without it the source's skin is pasted
// over most of the strand.
#include <iostream>
#include <vector>

#include <gtest/gtest.h>
#include <opencv2/imgproc.hpp>

#include "faceswap/face_swapper.hpp"
#include "support/faces.hpp"
#include "support/models_dir.hpp"

namespace am {
namespace {

using test::load_face_photo;
using test::models_dir;

// The 468 mesh points of the face in a photo, as the swapper finds them.
std::vector<cv::Point2f> mesh_of(const cv::Mat& photo) {
  FaceSwapper swapper(models_dir(), photo, {}, "the photo");
  SwapStats stats;
  swapper.swap(photo, &stats);
  if (stats.landmarks.size() != 1) throw std::runtime_error("expected one face");
  return stats.landmarks[0];
}

cv::Mat polygon_mask(cv::Size size, const std::vector<cv::Point2f>& corners) {
  std::vector<cv::Point> pixels;
  for (const cv::Point2f& p : corners) pixels.emplace_back(cvRound(p.x), cvRound(p.y));
  cv::Mat mask = cv::Mat::zeros(size, CV_8U);
  cv::fillPoly(mask, std::vector{pixels}, 255);
  return mask;
}

struct HairyFace {
  cv::Mat plain;  // fr_biden
  cv::Mat image;  // fr_biden with the fringe
  cv::Mat band;   // CV_8U: where the fringe lies
};

HairyFace biden_with_a_fringe() {
  const cv::Mat hair_photo = load_face_photo("fr_obama.jpg");
  const std::vector<cv::Point2f> obama = mesh_of(hair_photo);
  const float obama_h = static_cast<float>(cv::norm(obama[152] - obama[10]));
  const cv::Rect hair_patch(
      cv::Point(cvRound(obama[10].x - 0.25f * obama_h), cvRound(obama[10].y - 0.24f * obama_h)),
      cv::Point(cvRound(obama[10].x + 0.25f * obama_h), cvRound(obama[10].y - 0.14f * obama_h)));
  HairyFace face{load_face_photo("fr_biden.jpg"), {}, {}};
  face.image = face.plain.clone();
  const std::vector<cv::Point2f> p = mesh_of(face.plain);
  const cv::Point2f down = (p[152] - p[10]) * 0.01f, across = (p[454] - p[234]) * 0.01f;
  // A strand from above the forehead down over the subject's right temple and cheek, beside the
  // eye and brow (kept clear of them), out past the face's edge.
  const std::vector<cv::Point2f> band{p[10] - 5 * across - 15 * down,
                                      p[70] - 2 * across - 4 * down,
                                      p[33] - 6 * across,
                                      p[234] + 22 * across + 25 * down,
                                      p[234] - 15 * across + 30 * down,
                                      p[234] - 25 * across - 25 * down};
  face.band = polygon_mask(face.image.size(), band);
  const cv::Rect box = cv::boundingRect(face.band) & cv::Rect({0, 0}, face.image.size());
  cv::Mat hair;
  cv::resize(hair_photo(hair_patch), hair, box.size(), 0, 0, cv::INTER_CUBIC);
  hair.copyTo(face.image(box), face.band(box));
  return face;
}

// 255 where the images differ by more than 3 grey levels.
cv::Mat changed(const cv::Mat& a, const cv::Mat& b) {
  cv::Mat diff, gray;
  cv::absdiff(a, b, diff);
  cv::cvtColor(diff, gray, cv::COLOR_BGR2GRAY);
  return gray > 3;
}

double share(const cv::Mat& part, const cv::Mat& where) {
  return static_cast<double>(cv::countNonZero(part & where)) / std::max(cv::countNonZero(where), 1);
}

TEST(FaceSwapHair, AFringeOverTheFaceStaysAndTheRestIsSwapped) {
  const HairyFace face = biden_with_a_fringe();
  const cv::Mat source = load_face_photo("fr_obama3.jpg");
  FaceSwapOptions pasted_over;
  pasted_over.paste.keep_covering = false;
  // Where the swap changes the face without the fringe.
  const cv::Mat swapped_plain = FaceSwapper(models_dir(), source).swap(face.plain);
  const cv::Mat swapped = changed(face.plain, swapped_plain);
  cv::Mat fringe, around;
  cv::erode(face.band, fringe, cv::Mat(), {-1, -1}, 2);  // its resampled rim aside
  fringe &= swapped;
  cv::dilate(face.band, around, cv::Mat(), {-1, -1}, 20);
  const cv::Mat rest = swapped & ~around;
  ASSERT_GT(cv::countNonZero(fringe), 1000);

  const cv::Mat kept = FaceSwapper(models_dir(), source).swap(face.image);
  const cv::Mat lost = FaceSwapper(models_dir(), source, pasted_over).swap(face.image);
  const double fringe_kept = share(changed(face.image, kept), fringe);
  const double fringe_lost = share(changed(face.image, lost), fringe);
  const double rest_swapped = share(changed(face.image, kept), rest);
  std::cout << "fringe where the face is swapped (" << cv::countNonZero(fringe)
            << " px) changed: " << fringe_kept << " by default, " << fringe_lost
            << " without keep_covering; the rest of the face changed: " << rest_swapped << "\n";
  EXPECT_LT(fringe_kept, 0.15);
  EXPECT_GT(fringe_lost, 0.6);
  EXPECT_GT(rest_swapped, 0.8);
}

}  // namespace
}  // namespace am

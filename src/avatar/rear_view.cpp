#include "avatar/rear_view.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include <Eigen/Geometry>
#include <opencv2/imgproc.hpp>

#include "avatar/landmarks.hpp"
#include "core/error.hpp"

namespace am::avatar {
namespace {

constexpr float kMinVisibility = 0.5f;
constexpr int kMinPairs = 3;

// Shoulders, hips, knees and ankles: rigid enough between a front and a rear view.
constexpr int kAnchors[] = {lm::kLeftShoulder, lm::kRightShoulder, lm::kLeftHip,   lm::kRightHip,
                            lm::kLeftKnee,     lm::kRightKnee,     lm::kLeftAnkle, lm::kRightAnkle};

}  // namespace

bool faces_away(const PoseLandmarks& l, float min_fraction) {
  const float shoulders = l[lm::kLeftShoulder].x - l[lm::kRightShoulder].x;
  const float hips = l[lm::kLeftHip].x - l[lm::kRightHip].x;
  const float torso = (lm::pixel_mid(l, lm::kLeftShoulder, lm::kRightShoulder) -
                       lm::pixel_mid(l, lm::kLeftHip, lm::kRightHip))
                          .norm();
  return shoulders < -min_fraction * torso && hips < 0;
}

RearWarp warp_rear_view(const cv::Mat& rear_bgr, const cv::Mat& rear_mask,
                        const PoseLandmarks& rear_landmarks, const PoseLandmarks& front_landmarks,
                        const cv::Rect& crop) {
  // Seen from behind, the body point behind a front pixel appears mirrored: flip the rear
  // frame, then fit a similarity (no reflection) from its landmarks to the front's.
  const float flip_x = static_cast<float>(rear_bgr.cols - 1);
  std::vector<Eigen::Vector2f> from, to;
  for (const int i : kAnchors) {
    if (rear_landmarks[i].visibility < kMinVisibility ||
        front_landmarks[i].visibility < kMinVisibility)
      continue;
    from.emplace_back(flip_x - rear_landmarks[i].x, rear_landmarks[i].y);
    to.emplace_back(front_landmarks[i].x - static_cast<float>(crop.x),
                    front_landmarks[i].y - static_cast<float>(crop.y));
  }
  if (static_cast<int>(from.size()) < kMinPairs)
    throw Error(
        "avatar: the rear view needs at least 3 shoulder, hip or leg landmarks seen in "
        "both views; use a frame showing the person's whole back");
  Eigen::MatrixXf src(2, from.size()), dst(2, to.size());
  for (size_t k = 0; k < from.size(); ++k) src.col(k) = from[k], dst.col(k) = to[k];
  const Eigen::MatrixXf t = Eigen::umeyama(src, dst, true);
  const cv::Matx23d similarity(t(0, 0), t(0, 1), t(0, 2), t(1, 0), t(1, 1), t(1, 2));
  cv::Mat flipped_image, flipped_mask;
  cv::flip(rear_bgr, flipped_image, 1);
  cv::flip(rear_mask, flipped_mask, 1);
  RearWarp out;
  cv::warpAffine(flipped_image, out.image, similarity, crop.size(), cv::INTER_LINEAR,
                 cv::BORDER_REPLICATE);
  cv::warpAffine(flipped_mask, out.mask, similarity, crop.size(), cv::INTER_NEAREST,
                 cv::BORDER_CONSTANT, 0);
  out.mask = out.mask >= 128;
  return out;
}

cv::Mat paste_rear_view(const cv::Mat& back_half, const RearWarp& rear, const cv::Mat& front_mask,
                        float feather_px) {
  cv::Mat covered = rear.mask & front_mask, distance;
  cv::distanceTransform(covered, distance, cv::DIST_L2, cv::DIST_MASK_PRECISE);
  cv::Mat out = back_half.clone();
  for (int y = 0; y < out.rows; ++y)
    for (int x = 0; x < out.cols; ++x) {
      const float w = std::min(1.0f, distance.at<float>(y, x) / std::max(feather_px, 1.0f));
      if (w <= 0) continue;
      const cv::Vec3f a = back_half.at<cv::Vec3b>(y, x), b = rear.image.at<cv::Vec3b>(y, x);
      out.at<cv::Vec3b>(y, x) = (1 - w) * a + w * b;
    }
  return out;
}

}  // namespace am::avatar

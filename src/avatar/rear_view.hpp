// Refinement of the atlas's back half from a frame in which the person has turned their back
// to the camera (issue 16 part 3, pure functions; not wired into the pipeline). Takes the rear
// frame (8-bit BGR), its person mask and landmarks, and the build's front landmarks and
// texture crop; gives the rear view warped into the back half's pixels: each body landmark
// seen from behind lands on the front pixel of the same landmark (the rear frame mirrored, as
// the body seen through from the front, then a least-squares similarity, Umeyama), with the warped
// person mask. Pixels the rear view does not cover keep the synthesized back.
#pragma once

#include "avatar/types.hpp"

namespace am::avatar {

// True when the person shows their back: the left shoulder and hip lie on the image's left of
// the right ones (on a front view they lie on its right), the shoulders by at least
// min_fraction of the torso's length (a side view has them nearly on top of each other).
bool faces_away(const PoseLandmarks& landmarks, float min_fraction = 0.3f);

struct RearWarp {
  cv::Mat image;  // 8-bit BGR, crop size
  cv::Mat mask;   // 8-bit, 255 where the rear view's person covers the back half
};

// Throws am::Error when fewer than 3 torso or leg landmarks are visible in both views.
RearWarp warp_rear_view(const cv::Mat& rear_bgr, const cv::Mat& rear_mask,
                        const PoseLandmarks& rear_landmarks, const PoseLandmarks& front_landmarks,
                        const cv::Rect& crop);

// The back half with the rear view pasted where it covers the person (front_mask, crop
// pixels), feathered over feather_px at the edge of what it covers.
cv::Mat paste_rear_view(const cv::Mat& back_half, const RearWarp& rear, const cv::Mat& front_mask,
                        float feather_px);

}  // namespace am::avatar

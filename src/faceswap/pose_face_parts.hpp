// What the body pose says about faces: which hands are in front of them and whose face a face box
// is. hand_occluder_mask() takes the pose landmarks (image pixels) of the people in a frame and
// the frame's size and gives a CV_8U mask (255 = occluder) of their hands: per hand, the convex
// hull of its landmarks seen well enough (wrist, pinky, index, thumb; visibility >= the option),
// grown by `grow` times the hand's size (its largest landmark spread), so the fingers beyond the
// pose's finger points are covered too; a hand with fewer than two such landmarks is left out.
// face_owner() takes a face box and the people's pose landmarks and gives the index of the person
// whose nose and eyes (seen well enough) lie in the box; nullopt when nobody's do. Pure.
#pragma once

#include <cstddef>
#include <optional>
#include <span>

#include <opencv2/core/mat.hpp>

#include "body/landmarks.hpp"

namespace am {

struct HandOccluderOptions {
  float min_visibility = 0.5f;  // landmarks less visible than this are ignored
  float grow = 0.5f;            // the hull is grown by this fraction of the hand's size
};

cv::Mat hand_occluder_mask(std::span<const PoseLandmarks> persons, cv::Size image,
                           const HandOccluderOptions& options = {});

// The person whose well-seen nose and eyes (visibility >= min_visibility) fall in the face box:
// most of them inside wins, ties go to the one whose points' centre is nearest the box's centre.
std::optional<std::size_t> face_owner(const cv::Rect2f& face_box,
                                      std::span<const PoseLandmarks> persons,
                                      float min_visibility = 0.5f);

}  // namespace am

// The frame's pose nudged until the posed avatar's silhouette best covers the person. Takes the
// rigged avatar, world landmarks already aligned to the image (image_aligned_pose.hpp), the
// frame's camera and its binary person mask; gives the landmarks with the body turned about the
// vertical, the upper body leaned about the hips and each upper arm, forearm, thigh and shin
// turned in the image plane and swung out of it (foreshortened) about its joint (coordinate ascent
// on the silhouette IoU, by default at 1/4 resolution in steps of 8, 4 and 2 degrees, then at
// 1/2 resolution in steps of 1 degree, up to 24 degrees each). Bone lengths are kept; a change is
// kept only when it raises the IoU by more than its level's min_gain, so the result never
// overlaps the mask worse than the input.
#pragma once

#include <vector>

#include "avatar/view_pose.hpp"

namespace am::avatar {

// One pass of the ascent: render and compare at 1/downscale of the frame, try each step in turn;
// a change is kept only when it raises the IoU by more than min_gain (smaller gains are the
// reduced resolution's noise: on the build frame itself they would move the limbs off the photo).
struct SilhouettePoseLevel {
  int downscale;
  std::vector<float> steps_deg;
  double min_gain;
};

struct SilhouettePoseOptions {
  std::vector<SilhouettePoseLevel> levels{{4, {8.0f, 4.0f, 2.0f}, 1e-3}, {2, {1.0f}, 5e-4}};
  float max_turn_deg = 24.0f;  // per angle, from the landmarks' pose
};

PoseLandmarks fit_pose_to_silhouette(const RiggedAvatar& avatar, const PoseLandmarks& world,
                                     const ImageToModel& camera, const cv::Mat& mask,
                                     const SilhouettePoseOptions& options = {});

}  // namespace am::avatar

// The frame's pose nudged until the posed avatar's silhouette best covers the person. Takes the
// rigged avatar, world landmarks already aligned to the image (image_aligned_pose.hpp), the
// frame's camera and its binary person mask; gives the landmarks with the body turned about the
// vertical, the upper body leaned about the hips and each upper arm, forearm, thigh and shin
// turned in the image plane and swung out of it (foreshortened) about its joint (coordinate ascent
// on the silhouette IoU, rendered at reduced resolution, angles in steps of 8, 4 and 2 degrees up
// to 24 degrees each). Bone lengths are kept; a change is kept only when it raises the IoU (by at
// least 0.001), so the result never overlaps the mask worse than the input.
#pragma once

#include "avatar/view_pose.hpp"

namespace am::avatar {

struct SilhouettePoseOptions {
  int downscale = 4;           // render and compare at 1/downscale of the frame
  float max_turn_deg = 24.0f;  // per angle, from the landmarks' pose
};

PoseLandmarks fit_pose_to_silhouette(const RiggedAvatar& avatar, const PoseLandmarks& world,
                                     const ImageToModel& camera, const cv::Mat& mask,
                                     const SilhouettePoseOptions& options = {});

}  // namespace am::avatar

// Drawing of poses on a BGR image (the `pose` command's --draw, the mirror's preview).
// draw_pose() paints the skeleton (kPoseConnections), landmarks and ids, skipping landmarks with
// visibility below min_visibility. Pure.
#pragma once

#include <array>
#include <utility>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "perception/pose/pose_types.hpp"

namespace am {

// MediaPipe's POSE_CONNECTIONS: pairs of landmark indices drawn as bones.
extern const std::array<std::pair<int, int>, 35> kPoseConnections;

void draw_pose(cv::Mat& bgr, const std::vector<PoseObservation>& persons,
               float min_visibility = 0.5f);

}  // namespace am

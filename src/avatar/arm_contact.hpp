// Separation of arms lying against the torso. Takes the person's binary mask, the 2D
// landmarks and the mesh's grid step; gives the mask with a background cut, a grid step and a
// half wide, along the line where each arm touches the torso below the armpit (where the
// arm's capsule and the torso's capsule meet), so the single-view mesh makes the arm its own
// limb there instead of one sheet with the torso. A side is left uncut when the cut would
// split the mask into more pieces, or when its elbow or the hips lie outside the mask (a
// half-body photo). Guarantees: only pixels of the mask are cleared, and the mask keeps its
// number of connected components. close_cuts() then moves the rim points on both sides of a
// cut onto its centre line, so the mesh's outline still covers the whole person.
#pragma once

#include <vector>

#include "avatar/types.hpp"

namespace am::avatar {

struct ArmSeparation {
  cv::Mat mask;  // binary_mask less the cuts
  cv::Mat cuts;  // 255 on the cleared pixels
};

ArmSeparation separate_arms_from_torso(const cv::Mat& binary_mask, const PoseLandmarks& landmarks,
                                       float grid_step_px);

// Moves each rim point within a pixel of a cut to the centre of the cut pixels around it.
void close_cuts(const cv::Mat& cuts, float grid_step_px, const std::vector<bool>& on_rim,
                std::vector<Eigen::Vector2f>& points);

}  // namespace am::avatar

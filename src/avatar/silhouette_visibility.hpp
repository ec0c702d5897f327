// Bone visibility for heat diffusion on a single-view mesh: a bone point counts as visible
// from a vertex when the straight image-plane path between them stays inside the person's
// silhouette (the arm does not heat the thigh it hangs next to).
#pragma once

#include "avatar/skin_weights.hpp"

namespace am::avatar {

// binary_mask: the person mask the mesh was built from; frame: its image-to-model map.
BoneVisibility silhouette_visibility(const cv::Mat& binary_mask, const ImageToModel& frame);

}  // namespace am::avatar

// Depth fit from turned views (issue 16, part 3a). Takes the rigged avatar and frames in which
// the person is seen from the side; gives the rest mesh with each body part's depth profile
// scaled (vertices move along the build view's camera ray: their model z only, about the z of
// their dominant bone) by the factor that maximizes the mean silhouette IoU of the avatar posed
// into those frames (each frame's pose fitted once, to the as-built mesh, by pose_to_frame, then
// kept while the depth changes). F, UV, FUV, the texture and the skin weights stay valid; V and N
// change.
#pragma once

#include <array>
#include <vector>

#include "avatar/view_refine.hpp"

namespace am::avatar {

enum class DepthGroup : int { kTorso, kHead, kArms, kLegs };
inline constexpr int kDepthGroups = 4;
using DepthScales = std::array<float, kDepthGroups>;  // indexed by DepthGroup, 1 = as built

struct DepthFitOptions {
  std::vector<float> candidates{0.8f, 0.9f, 1.0f, 1.1f, 1.2f, 1.35f, 1.5f};
  int rounds = 2;  // passes of coordinate ascent over the groups
};

// The rest mesh with scaled depth profiles (normals recomputed).
Mesh scale_depth(const RiggedAvatar& avatar, const DepthScales& scales);

// Mean silhouette IoU of the avatar posed into the frames.
double mean_silhouette_iou(const RiggedAvatar& avatar, const std::vector<FrameObservation>& frames);

// Coordinate ascent over the groups, each over the candidate factors; throws am::Error on no frame.
DepthScales fit_depth_scales(const RiggedAvatar& avatar,
                             const std::vector<FrameObservation>& side_frames,
                             const DepthFitOptions& options = {});

}  // namespace am::avatar

// Forward kinematics and linear blend skinning. Takes the skeleton, per-bone local
// rotations applied on top of the rest pose, and skin weights; gives posed bone transforms
// and posed vertex positions. Used to check a rig and by clients that need CPU skinning.
#pragma once

#include <vector>

#include "avatar/types.hpp"

namespace am::avatar {

// local_rotations: one per bone (identity = rest pose), in the bone's own rest frame,
// exactly like a glTF node rotation multiplied onto the rest rotation.
std::vector<Eigen::Affine3f> posed_global_transforms(
    const BindPose& skeleton, const std::vector<Eigen::Quaternionf>& local_rotations);

// V: #V x 3 rest positions. Returns #V x 3 positions after sum_j w_j G_j B_j^-1 v.
Eigen::MatrixXf linear_blend_skinning(const Eigen::MatrixXf& V, const SkinWeights& weights,
                                      const BindPose& skeleton,
                                      const std::vector<Eigen::Affine3f>& posed_global);

}  // namespace am::avatar

// Automatic skin weights by heat diffusion (Baran & Popovic 2007, "Automatic rigging and
// animation of 3D characters"). Takes a closed triangle mesh and a skeleton; for each bone j
// solves (-L + M H) w_j = M H p_j, with L the cotangent Laplacian, M the lumped vertex areas,
// H(i,i) = c / d_i^2 the heat a vertex receives from its nearest visible bone at distance
// d_i, and p_j(i) = 1 when that bone is j. The matrix is factored once (sparse LDLT) and
// solved per bone. Gives at most four influences per vertex, normalized to sum to one;
// every vertex gets at least one.
#pragma once

#include <functional>

#include "avatar/types.hpp"

namespace am::avatar {

// True when the bone point can be seen from the vertex through the body (both model frame).
using BoneVisibility =
    std::function<bool(const Eigen::Vector3f& vertex, const Eigen::Vector3f& bone_point)>;

struct SkinWeightOptions {
  // c in H = c / d^2. Baran & Popovic use 1; 10 keeps joints sharper: on the synthetic
  // person a 90 degree arm raise then moves the lower two thirds of the torso < 1 cm and
  // stretches no triangle past 2.5x (c = 1: 4 cm and 4x, all else equal).
  double heat_constant = 10.0;
  BoneVisibility visible;  // empty: every bone counts as visible
};

// Dense #V x #bones heat-diffusion weights (rows sum to one up to solver precision).
Eigen::MatrixXd heat_diffusion_weights(const Eigen::MatrixXf& V, const Eigen::MatrixXi& F,
                                       const Skeleton& skeleton,
                                       const SkinWeightOptions& options = {});

// Keeps the kMaxInfluences largest positive weights per row, normalized; a row without any
// positive weight goes entirely to its largest entry.
SkinWeights keep_strongest_influences(const Eigen::MatrixXd& dense);

// heat_diffusion_weights followed by keep_strongest_influences.
SkinWeights compute_skin_weights(const Mesh& mesh, const Skeleton& skeleton,
                                 const SkinWeightOptions& options = {});

}  // namespace am::avatar

// Automatic skin weights by heat diffusion (Baran & Popovic 2007, "Automatic rigging and
// animation of 3D characters"). Takes a closed triangle mesh and a skeleton; for each bone j
// solves (-L + M H) w_j = M H p_j, with L the cotangent Laplacian, M the lumped vertex areas,
// H(i,i) = c / d_i^2 the heat a vertex receives from its nearest visible bone at distance
// d_i (nearest by capsule surface: the lower trunk bones are thick and heat with a larger c,
// see SkinWeightOptions), and p_j(i) = 1 when that bone is j. The matrix is factored once
// (sparse LDLT) and solved per bone. Gives at most four influences per vertex, normalized to
// sum to one; every vertex gets at least one.
#pragma once

#include <functional>

#include "avatar/types.hpp"

namespace am::avatar {

// True when the bone point can be seen from the vertex through the body (both model frame).
using BoneVisibility =
    std::function<bool(const Eigen::Vector3f& vertex, const Eigen::Vector3f& bone_point)>;

struct SkinWeightOptions {
  // c in H = c / d^2 for a vertex heated by a limb, head or shoulder bone: Baran & Popovic's 1.
  double heat_constant = 1.0;
  // c for a vertex heated by a thick trunk bone (Hips, Spine, Chest). That heat uses the
  // distance to the bone's axis, about half the chest breadth on the sides of the torso, where
  // c / d^2 is about 1/13 of what the surface of an arm receives: with c = 1 the torso below
  // the armpit follows a raised arm. 16 holds it (< 0.4 cm under a 90 degree raise) while the
  // arm keeps c = 1, so the armpit blends on the arm's side and no edge there stretches past
  // 2.2x (pifu_ryota, sith_010, the synthetic person; docs/avatar.md).
  double trunk_heat_constant = 16.0;
  // Which bone heats a vertex: the one whose capsule surface is nearest, with Hips, Spine and
  // Chest given a radius of this fraction of the shoulder width (about half the chest
  // breadth) and every other bone a line; the heat itself uses the distance to the bone's
  // axis. With lines only (Baran & Popovic), the sides of the torso lie nearer to the upper
  // arm than to the spine and follow the arm.
  double trunk_radius_fraction = 0.55;
  BoneVisibility visible;  // empty: every bone counts as visible
};

// Dense #V x #bones heat-diffusion weights (rows sum to one up to solver precision).
Eigen::MatrixXd heat_diffusion_weights(const Eigen::MatrixXf& V, const Eigen::MatrixXi& F,
                                       const BindPose& skeleton,
                                       const SkinWeightOptions& options = {});

// Keeps the kMaxInfluences largest positive weights per row, normalized; a row without any
// positive weight goes entirely to its largest entry.
SkinWeights keep_strongest_influences(const Eigen::MatrixXd& dense);

// heat_diffusion_weights followed by keep_strongest_influences.
SkinWeights compute_skin_weights(const Mesh& mesh, const BindPose& skeleton,
                                 const SkinWeightOptions& options = {});

}  // namespace am::avatar

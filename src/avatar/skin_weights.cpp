#include "avatar/skin_weights.hpp"

#include <algorithm>
#include <numeric>

#include <Eigen/SparseCholesky>

#include "avatar/cotangent_laplacian.hpp"
#include "avatar/mesh_ops.hpp"
#include "avatar/skeleton.hpp"
#include "core/error.hpp"

namespace am::avatar {
namespace {

constexpr double kMinBoneDistance = 1e-3;  // metres; a vertex on a bone gets finite heat

struct NearestBone {
  int bone = -1;  // -1: no visible bone
  double distance = 0;
};

// Capsule radius per bone: the trunk below the upper chest (Hips, Spine, Chest) stands for a
// body far wider than a line, every other bone is a line.
std::vector<float> capsule_radii(const BindPose& s, double trunk_fraction) {
  std::vector<float> radii(kBoneCount, 0.0f);
  const double shoulders =
      (s.head[index(Bone::LeftUpperArm)] - s.head[index(Bone::RightUpperArm)]).norm();
  for (Bone trunk : {Bone::Hips, Bone::Spine, Bone::Chest})
    radii[index(trunk)] = static_cast<float>(trunk_fraction * shoulders);
  return radii;
}

// The visible bone whose capsule surface is nearest; its distance is to the bone's axis.
NearestBone nearest_visible_bone(const Eigen::Vector3f& p, const BindPose& s,
                                 const std::vector<float>& radii, const BoneVisibility& visible) {
  std::vector<std::pair<float, int>> by_distance;
  std::vector<Eigen::Vector3f> closest;
  for (int j = 0; j < kBoneCount; ++j) {
    closest.push_back(closest_point_on_segment(p, bone_head(s, j), bone_tail(s, j)));
    by_distance.emplace_back((closest.back() - p).norm() - radii[j], j);
  }
  std::sort(by_distance.begin(), by_distance.end());
  for (auto [d, j] : by_distance)
    if (!visible || visible(p, closest[j]))
      return {j, std::max<double>((closest[j] - p).norm(), kMinBoneDistance)};
  return {};
}

// Solves A W = rhs. A singular system (a vertex whose triangles are all degenerate, or a piece of
// the mesh no bone heats: a zero pivot) is factored again with a tiny diagonal added (1e-9 of its
// largest entry): well-posed rows keep their weights, the singular ones get none.
Eigen::MatrixXd solve_heat_system(Eigen::SparseMatrix<double> A, const Eigen::MatrixXd& rhs) {
  Eigen::SimplicialLDLT<Eigen::SparseMatrix<double>> solver(A);
  if (solver.info() != Eigen::Success) {
    const double ridge = 1e-9 * std::max(1e-12, A.diagonal().cwiseAbs().maxCoeff());
    for (Eigen::Index i = 0; i < A.rows(); ++i) A.coeffRef(i, i) += ridge;
    solver.compute(A);
  }
  if (solver.info() != Eigen::Success)
    throw Error("avatar: skin weight system could not be factored; the mesh is degenerate");
  return solver.solve(rhs);
}

}  // namespace

Eigen::MatrixXd heat_diffusion_weights(const Eigen::MatrixXf& V, const Eigen::MatrixXi& F,
                                       const BindPose& skeleton, const SkinWeightOptions& options) {
  const Eigen::Index nv = V.rows();
  const Eigen::Index nb = kBoneCount;
  const Eigen::VectorXd area = lumped_vertex_areas(V, F);
  Eigen::VectorXd heat = Eigen::VectorXd::Zero(nv);  // diagonal of M H
  Eigen::MatrixXd rhs = Eigen::MatrixXd::Zero(nv, nb);
  const std::vector<float> radii = capsule_radii(skeleton, options.trunk_radius_fraction);
  for (Eigen::Index i = 0; i < nv; ++i) {
    const NearestBone nb_i =
        nearest_visible_bone(V.row(i).transpose(), skeleton, radii, options.visible);
    if (nb_i.bone < 0) continue;
    const double c = radii[nb_i.bone] > 0 ? options.trunk_heat_constant : options.heat_constant;
    heat[i] = area[i] * c / (nb_i.distance * nb_i.distance);
    rhs(i, nb_i.bone) = heat[i];
  }
  Eigen::SparseMatrix<double> A = -cotangent_laplacian(V, F);
  for (Eigen::Index i = 0; i < nv; ++i) A.coeffRef(i, i) += heat[i];
  return solve_heat_system(A, rhs);
}

SkinWeights keep_strongest_influences(const Eigen::MatrixXd& dense) {
  SkinWeights out;
  out.joints = Eigen::MatrixXi::Zero(dense.rows(), kMaxInfluences);
  out.weights = Eigen::MatrixXf::Zero(dense.rows(), kMaxInfluences);
  std::vector<int> order(static_cast<size_t>(dense.cols()));
  for (Eigen::Index v = 0; v < dense.rows(); ++v) {
    std::iota(order.begin(), order.end(), 0);
    const int keep = std::min<int>(kMaxInfluences, static_cast<int>(order.size()));
    std::partial_sort(order.begin(), order.begin() + keep, order.end(),
                      [&](int a, int b) { return dense(v, a) > dense(v, b); });
    float total = 0;
    for (int k = 0; k < keep; ++k) {
      out.joints(v, k) = order[k];
      out.weights(v, k) = static_cast<float>(std::max(0.0, dense(v, order[k])));
      total += out.weights(v, k);
    }
    if (total <= 0) {
      out.weights(v, 0) = total = 1;
    }
    out.weights.row(v) /= total;
    out.weights(v, 0) = 1 - out.weights.row(v).tail(kMaxInfluences - 1).sum();
    for (int k = 0; k < keep; ++k)
      if (out.weights(v, k) == 0) out.joints(v, k) = 0;
  }
  return out;
}

SkinWeights compute_skin_weights(const Mesh& mesh, const BindPose& skeleton,
                                 const SkinWeightOptions& options) {
  return keep_strongest_influences(heat_diffusion_weights(mesh.V, mesh.F, skeleton, options));
}

}  // namespace am::avatar

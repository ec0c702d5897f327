#include "avatar/mesh_ops.hpp"

#include <algorithm>

namespace am::avatar {

Eigen::MatrixXf vertex_normals(const Eigen::MatrixXf& V, const Eigen::MatrixXi& F) {
  Eigen::MatrixXf N = Eigen::MatrixXf::Zero(V.rows(), 3);
  for (Eigen::Index f = 0; f < F.rows(); ++f) {
    const Eigen::Vector3f a = V.row(F(f, 0)), b = V.row(F(f, 1)), c = V.row(F(f, 2));
    const Eigen::RowVector3f area_normal = (b - a).cross(c - a).transpose();  // 2 x area
    for (int k = 0; k < 3; ++k) N.row(F(f, k)) += area_normal;
  }
  for (Eigen::Index v = 0; v < N.rows(); ++v) {
    const float n = N.row(v).norm();
    N.row(v) = n > 0 ? Eigen::RowVector3f(N.row(v) / n) : Eigen::RowVector3f(0, 0, 1);
  }
  return N;
}

Eigen::Vector3f closest_point_on_segment(const Eigen::Vector3f& p, const Eigen::Vector3f& a,
                                         const Eigen::Vector3f& b) {
  const Eigen::Vector3f ab = b - a;
  const float len2 = ab.squaredNorm();
  const float t = len2 > 0 ? std::clamp((p - a).dot(ab) / len2, 0.0f, 1.0f) : 0.0f;
  return a + t * ab;
}

}  // namespace am::avatar

#include "avatar/cotangent_laplacian.hpp"

#include <vector>

namespace am::avatar {

Eigen::SparseMatrix<double> cotangent_laplacian(const Eigen::MatrixXf& V,
                                                const Eigen::MatrixXi& F) {
  std::vector<Eigen::Triplet<double>> entries;
  entries.reserve(static_cast<size_t>(F.rows()) * 12);
  for (Eigen::Index f = 0; f < F.rows(); ++f) {
    for (int k = 0; k < 3; ++k) {  // the angle at corner k is opposite edge (i, j)
      const int c = F(f, k), i = F(f, (k + 1) % 3), j = F(f, (k + 2) % 3);
      const Eigen::Vector3d e1 = (V.row(i) - V.row(c)).transpose().cast<double>();
      const Eigen::Vector3d e2 = (V.row(j) - V.row(c)).transpose().cast<double>();
      const double sine = e1.cross(e2).norm();
      if (sine <= 0) continue;
      const double half_cot = 0.5 * e1.dot(e2) / sine;
      entries.emplace_back(i, j, half_cot);
      entries.emplace_back(j, i, half_cot);
      entries.emplace_back(i, i, -half_cot);
      entries.emplace_back(j, j, -half_cot);
    }
  }
  Eigen::SparseMatrix<double> L(V.rows(), V.rows());
  L.setFromTriplets(entries.begin(), entries.end());
  return L;
}

Eigen::VectorXd lumped_vertex_areas(const Eigen::MatrixXf& V, const Eigen::MatrixXi& F) {
  Eigen::VectorXd area = Eigen::VectorXd::Zero(V.rows());
  for (Eigen::Index f = 0; f < F.rows(); ++f) {
    const Eigen::Vector3d a = V.row(F(f, 0)).transpose().cast<double>();
    const Eigen::Vector3d b = V.row(F(f, 1)).transpose().cast<double>();
    const Eigen::Vector3d c = V.row(F(f, 2)).transpose().cast<double>();
    const double third = (b - a).cross(c - a).norm() / 6.0;
    for (int k = 0; k < 3; ++k) area[F(f, k)] += third;
  }
  return area;
}

}  // namespace am::avatar

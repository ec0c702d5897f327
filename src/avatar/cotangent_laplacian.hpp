// Discrete Laplace-Beltrami operator of a triangle mesh, libigl conventions.
#pragma once

#include <Eigen/Sparse>

#include "avatar/types.hpp"

namespace am::avatar {

// V: #V x 3 positions, F: #F x 3 triangles. Returns the #V x #V symmetric cotangent matrix
// L with L(i,j) = (cot a_ij + cot b_ij) / 2 and rows summing to zero (negative
// semi-definite; constants are its null space).
Eigen::SparseMatrix<double> cotangent_laplacian(const Eigen::MatrixXf& V, const Eigen::MatrixXi& F);

// Lumped (barycentric) mass matrix: M(i,i) = one third of the area of the faces around i.
Eigen::VectorXd lumped_vertex_areas(const Eigen::MatrixXf& V, const Eigen::MatrixXi& F);

}  // namespace am::avatar

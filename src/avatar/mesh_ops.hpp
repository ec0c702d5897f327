// Small geometry helpers over Mesh matrices.
#pragma once

#include "avatar/types.hpp"

namespace am::avatar {

// #V x 3 area-weighted unit vertex normals of the triangles F (#F x 3) over V (#V x 3).
Eigen::MatrixXf vertex_normals(const Eigen::MatrixXf& V, const Eigen::MatrixXi& F);

// Closest point to p on the segment [a, b].
Eigen::Vector3f closest_point_on_segment(const Eigen::Vector3f& p, const Eigen::Vector3f& a,
                                         const Eigen::Vector3f& b);

}  // namespace am::avatar

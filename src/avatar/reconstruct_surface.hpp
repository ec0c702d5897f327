// Triangulation of the inside of a silhouette ("marching triangles"). Takes a binary mask
// (CV_8U, 0 or 255) and a grid step in pixels; gives a 2D triangle sheet whose vertices are
// the grid points inside the mask plus rim points placed on the silhouette (to a tenth of
// a pixel) on the grid edges that cross it. Every triangle holds at least one grid point,
// the sheet is a manifold with boundary, and its boundary loop is the rim.
#pragma once

#include <vector>

#include "avatar/types.hpp"

namespace am::avatar {

struct SilhouetteSheet {
  std::vector<Eigen::Vector2f> points;     // image pixels
  std::vector<bool> on_rim;                // true for points on the silhouette
  std::vector<Eigen::Vector3i> triangles;  // counter-clockwise with y up (model frame)
};

SilhouetteSheet triangulate_silhouette(const cv::Mat& binary_mask, float step_px);

}  // namespace am::avatar

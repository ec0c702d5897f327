// Delaunay triangulation of a point set (cv::Subdiv2D). Takes points in pixels; gives triangles
// as index triples into those points, every index valid, no triangle touching Subdiv2D's virtual
// outer vertices, none degenerate. Duplicate points are triangulated once (the first index wins).
// Pure.
#pragma once

#include <span>
#include <vector>

#include <opencv2/core/types.hpp>

namespace am {

std::vector<cv::Vec3i> delaunay_triangles(std::span<const cv::Point2f> points);

}  // namespace am

// Triangles for the face mesh that respect the lips. A closed mouth puts the upper and lower inner
// lip points (nearly) on top of each other, so a plain Delaunay triangulation of them drops one of
// each coinciding pair and joins upper-lip points to what lies below the mouth: opened on a target,
// such triangles smear the lips over the opening and the lips do not follow the target's inner lip
// contour. lip_aware_triangles() triangulates the points with the mouth opened first
// (mouth_opened: the lower inner lip and every point below the inner lips' midline, or below the
// corners' line aside the mouth, moved away from the upper lip by `opening` times the mouth's
// width), so each inner lip point keeps its triangles and only inner lip points are joined across
// the mouth. The lower face moves as one, so no triangle turns over on the points themselves.
// Takes 468 mesh points (pixels); gives index triples into them, each a Delaunay triangle of the
// opened layout. Pure.
#pragma once

#include <span>
#include <vector>

#include <opencv2/core/types.hpp>

namespace am {

std::vector<cv::Point2f> mouth_opened(std::span<const cv::Point2f> points, float opening);

std::vector<cv::Vec3i> lip_aware_triangles(std::span<const cv::Point2f> points,
                                           float opening = 0.3f);

}  // namespace am

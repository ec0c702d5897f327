// Triangles for the face mesh that respect the lips. On a closed mouth the upper and lower inner
// lip points (nearly) coincide, so a plain Delaunay triangulation joins upper-lip points to what
// lies below the mouth and, where two points coincide exactly, drops one of them: opened on a
// target, such triangles smear the lips over the opening and the lips do not follow the target's
// inner lip contour. lip_aware_triangles() triangulates the points with the mouth opened first
// (mouth_opened: the lower inner lip and every point below the inner lips' midline, or below the
// corners' line aside the mouth, moved away from the upper lip by `opening` times the mouth's
// width), so every inner lip point keeps its triangles and more of the triangles across the mouth
// join the upper inner lip to the lower one. Takes 468 mesh points (pixels); gives index triples
// into them, each a Delaunay triangle of the opened layout; on the points themselves a few
// slivers at the mouth corners may turn over. Pure.
#pragma once

#include <span>
#include <vector>

#include <opencv2/core/types.hpp>

namespace am {

// How far lip_aware_triangles opens the mouth, in mouth widths: about half the spacing of the inner
// lip points, enough to keep each point's triangles; more turns some cheek triangles over on real
// faces (docs/faceswap.md).
inline constexpr float kLipOpening = 0.05f;

std::vector<cv::Point2f> mouth_opened(std::span<const cv::Point2f> points, float opening);

std::vector<cv::Vec3i> lip_aware_triangles(std::span<const cv::Point2f> points,
                                           float opening = kLipOpening);

}  // namespace am

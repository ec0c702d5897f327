// Which triangles of the source face a turned target face shows, and which of them the source
// can paint. Takes the source's points (a frontal photo), the target's points with their depth
// (the face mesh's z: smaller is nearer; empty keeps the list's order) and the triangles. Gives
// the triangles that face the camera in the target (same winding as in the source; a triangle
// turned over lies on the far side of a turned head and is hidden), ordered far to near so that
// nearer ones paint over what they hide (the nose over the far cheek), each marked trusted unless
// it lies on the side of the source face (a corner within kOuterBand face widths of its oval) and
// the warp stretches it more than `max_stretch` times the face's own scale (the forehead-to-chin
// distance, which turning the head leaves alone). A frontal photo sees the cheek beside the ear as
// a thin strip; on a head turned 45 degrees that cheek faces the camera and, stretched from the
// strip, would paste streaks of hair and ear. (A closed source mouth stretched over an open one is
// not on the side: the kept mouth covers it.) Pure.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include <opencv2/core/types.hpp>

namespace am {

inline constexpr float kMaxTriangleStretch = 3.0f;
inline constexpr float kOuterBand = 0.15f;

struct VisibleTriangles {
  std::vector<cv::Vec3i> triangles;   // facing the camera, far to near
  std::vector<std::uint8_t> trusted;  // per triangle: 1 when the source shows it well enough
};

// The largest factor by which the affine map taking `from` onto `to` lengthens a line.
double largest_stretch(const cv::Point2f (&from)[3], const cv::Point2f (&to)[3]);

// Requires 468 source and target points (mesh topology: 10 forehead, 152 chin); `target_depth`
// 468 values or empty.
VisibleTriangles visible_triangles(std::span<const cv::Point2f> source_points,
                                   std::span<const cv::Point2f> target_points,
                                   std::span<const float> target_depth,
                                   std::span<const cv::Vec3i> triangles,
                                   float max_stretch = kMaxTriangleStretch);

}  // namespace am

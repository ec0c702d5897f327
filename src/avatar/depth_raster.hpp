// Orthographic rasterization of a posed mesh into a frame. Takes the mesh (model frame, +Z
// toward the camera), the frame's ImageToModel and the image size; gives per pixel the
// front-most face and its model depth (pixel centres at integer coordinates), and the textured
// render that samples the mesh's atlas through its UVs. Also the triangle scan both this and the
// texture painter use: every integer point inside a 2D triangle with its barycentric weights.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

#include "avatar/types.hpp"

namespace am::avatar {

using Triangle2 = std::array<Eigen::Vector2f, 3>;

// Barycentric weights of p in the triangle (sum 1; all >= 0 inside); nullopt when degenerate.
inline std::optional<Eigen::Vector3f> barycentric(const Triangle2& t, const Eigen::Vector2f& p) {
  const Eigen::Vector2f e1 = t[1] - t[0], e2 = t[2] - t[0], d = p - t[0];
  const float area = e1.x() * e2.y() - e1.y() * e2.x();
  if (std::abs(area) < 1e-12f) return std::nullopt;
  const float b1 = (d.x() * e2.y() - d.y() * e2.x()) / area;
  const float b2 = (e1.x() * d.y() - e1.y() * d.x()) / area;
  return Eigen::Vector3f(1.0f - b1 - b2, b1, b2);
}

// Calls visit(x, y, barycentric) for each integer point of [0, size) inside the triangle
// (edges included). Degenerate triangles visit nothing.
template <typename Visit>
void scan_triangle(const Triangle2& t, cv::Size size, Visit&& visit) {
  const auto [xlo, xhi] = std::minmax({t[0].x(), t[1].x(), t[2].x()});
  const auto [ylo, yhi] = std::minmax({t[0].y(), t[1].y(), t[2].y()});
  const int x0 = std::max(0, static_cast<int>(std::ceil(xlo)));
  const int y0 = std::max(0, static_cast<int>(std::ceil(ylo)));
  const int x1 = std::min(size.width - 1, static_cast<int>(std::floor(xhi)));
  const int y1 = std::min(size.height - 1, static_cast<int>(std::floor(yhi)));
  constexpr float kEdge = -1e-5f;
  if (!barycentric(t, t[0])) return;
  for (int y = y0; y <= y1; ++y)
    for (int x = x0; x <= x1; ++x) {
      const Eigen::Vector3f b = *barycentric(t, Eigen::Vector2f(x, y));
      if (b.minCoeff() >= kEdge) visit(x, y, b);
    }
}

// Bilinear colour of an 8-bit BGR image at a point (pixel centres at integers, edges clamped).
cv::Vec3f sample_bgr(const cv::Mat& bgr, const Eigen::Vector2f& p);

// Weighted sum of three rows of M (e.g. a face's UVs or positions) with barycentric weights.
Eigen::VectorXf blend_rows(const Eigen::MatrixXf& M, const Eigen::Vector3i& rows,
                           const Eigen::Vector3f& bary);

struct DepthRaster {
  cv::Mat depth;  // CV_32FC1, model z of the front-most surface; -inf where no face
  cv::Mat face;   // CV_32SC1, index of that face in F; -1 where none
};

// The face's three vertices projected to the frame's pixels.
Triangle2 projected_face(const Mesh& mesh, const ImageToModel& camera, Eigen::Index face);

// The face's three texture coordinates in texels of an atlas of `size` (centres at integers).
Triangle2 texel_face(const Mesh& mesh, Eigen::Index face, cv::Size size);

// The mesh's orthographic silhouette in the image (0/255, every triangle filled with sub-pixel
// vertex positions, no depth test).
cv::Mat render_silhouette(const Mesh& mesh, const ImageToModel& camera, cv::Size size);

DepthRaster rasterize_depth(const Mesh& posed, const ImageToModel& camera, cv::Size size);

// The posed mesh seen by the camera: each covered pixel the atlas colour (bilinear) at its UV,
// black elsewhere. `texture` replaces posed.texture (e.g. a refined atlas).
cv::Mat render_textured(const Mesh& posed, const cv::Mat& texture, const ImageToModel& camera,
                        const DepthRaster& raster);

}  // namespace am::avatar

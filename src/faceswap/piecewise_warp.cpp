#include "faceswap/piecewise_warp.hpp"

#include <algorithm>
#include <cmath>

#include <opencv2/imgproc.hpp>

namespace am {

namespace {

struct DenseMap {
  cv::Mat x, y;      // CV_32F, source coordinates per destination pixel
  cv::Mat coverage;  // CV_8U
};

// Fills the map inside one destination triangle (region coordinates) with the affine image of
// each pixel centre in the source, and the coverage with `cover`.
void rasterise_triangle(DenseMap& map, const cv::Point2f (&dst)[3], const cv::Point2f (&src)[3],
                        uchar cover) {
  const cv::Point2f e1 = dst[1] - dst[0], e2 = dst[2] - dst[0];
  const float det = e1.cross(e2);
  if (std::abs(det) < 1e-6f) return;
  const cv::Mat affine = cv::getAffineTransform(dst, src);
  const cv::Matx23d a(affine);
  const float lo_x = std::min({dst[0].x, dst[1].x, dst[2].x});
  const float hi_x = std::max({dst[0].x, dst[1].x, dst[2].x});
  const float lo_y = std::min({dst[0].y, dst[1].y, dst[2].y});
  const float hi_y = std::max({dst[0].y, dst[1].y, dst[2].y});
  const int x0 = std::max(0, static_cast<int>(std::ceil(lo_x)));
  const int x1 = std::min(map.x.cols - 1, static_cast<int>(std::floor(hi_x)));
  const int y0 = std::max(0, static_cast<int>(std::ceil(lo_y)));
  const int y1 = std::min(map.x.rows - 1, static_cast<int>(std::floor(hi_y)));
  constexpr float kEdge = -1e-4f;  // shared edges belong to both triangles: no cracks
  for (int y = y0; y <= y1; ++y) {
    float* mx = map.x.ptr<float>(y);
    float* my = map.y.ptr<float>(y);
    uchar* cov = map.coverage.ptr<uchar>(y);
    for (int x = x0; x <= x1; ++x) {
      const cv::Point2f d = cv::Point2f(static_cast<float>(x), static_cast<float>(y)) - dst[0];
      const float u = d.cross(e2) / det, v = e1.cross(d) / det;
      if (u < kEdge || v < kEdge || u + v > 1 - kEdge) continue;
      mx[x] = static_cast<float>(a(0, 0) * x + a(0, 1) * y + a(0, 2));
      my[x] = static_cast<float>(a(1, 0) * x + a(1, 1) * y + a(1, 2));
      cov[x] = cover;
    }
  }
}

}  // namespace

WarpedPatch warp_piecewise_affine(const cv::Mat& source, std::span<const cv::Point2f> source_points,
                                  std::span<const cv::Point2f> dest_points,
                                  std::span<const cv::Vec3i> triangles, const cv::Rect& region,
                                  std::span<const std::uint8_t> trusted) {
  DenseMap map{cv::Mat(region.size(), CV_32F, cv::Scalar(-1)),
               cv::Mat(region.size(), CV_32F, cv::Scalar(-1)),
               cv::Mat::zeros(region.size(), CV_8U)};
  const cv::Point2f origin(static_cast<float>(region.x), static_cast<float>(region.y));
  for (std::size_t i = 0; i < triangles.size(); ++i) {
    const cv::Vec3i& t = triangles[i];
    const cv::Point2f dst[3] = {dest_points[t[0]] - origin, dest_points[t[1]] - origin,
                                dest_points[t[2]] - origin};
    const cv::Point2f src[3] = {source_points[t[0]], source_points[t[1]], source_points[t[2]]};
    rasterise_triangle(map, dst, src, trusted.empty() || trusted[i] ? 255 : 0);
  }
  WarpedPatch patch;
  cv::remap(source, patch.image, map.x, map.y, cv::INTER_LINEAR, cv::BORDER_REPLICATE);
  patch.coverage = map.coverage;
  return patch;
}

}  // namespace am

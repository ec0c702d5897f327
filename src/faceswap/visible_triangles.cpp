#include "faceswap/visible_triangles.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include <opencv2/imgproc.hpp>

#include "perception/face/face_mesh_topology.hpp"

namespace am {

namespace {

constexpr int kForehead = 10;
constexpr int kChin = 152;
constexpr float kMinTwiceArea = 1e-3f;  // px^2: thinner target triangles cover no pixel
constexpr int kRightCheek = 234, kLeftCheek = 454;

float twice_signed_area(const cv::Point2f (&t)[3]) { return (t[1] - t[0]).cross(t[2] - t[0]); }

// How much larger the target face is than the source's, from forehead to chin.
double face_scale(std::span<const cv::Point2f> source, std::span<const cv::Point2f> target) {
  const double from = cv::norm(source[kChin] - source[kForehead]);
  const double to = cv::norm(target[kChin] - target[kForehead]);
  return from > 0 ? to / from : 1.0;
}

// Per source point: whether it lies within `band` face widths (cheek to cheek) of the face oval,
// where a frontal photo sees the face at a grazing angle.
std::vector<std::uint8_t> near_the_oval(std::span<const cv::Point2f> points, float band) {
  std::vector<cv::Point2f> oval;
  oval.reserve(kMeshFaceOval.size());
  for (const int i : kMeshFaceOval) oval.push_back(points[i]);
  const double width = cv::norm(points[kLeftCheek] - points[kRightCheek]);
  std::vector<std::uint8_t> near;
  near.reserve(points.size());
  for (const cv::Point2f& p : points)
    near.push_back(std::abs(cv::pointPolygonTest(oval, p, true)) <= band * width ? 1 : 0);
  return near;
}

}  // namespace

double largest_stretch(const cv::Point2f (&from)[3], const cv::Point2f (&to)[3]) {
  const cv::Matx22d edges_from(from[1].x - from[0].x, from[2].x - from[0].x, from[1].y - from[0].y,
                               from[2].y - from[0].y);
  const cv::Matx22d edges_to(to[1].x - to[0].x, to[2].x - to[0].x, to[1].y - to[0].y,
                             to[2].y - to[0].y);
  const cv::Matx22d linear = edges_to * edges_from.inv();
  const cv::Matx22d gram = linear.t() * linear;
  const double half_trace = (gram(0, 0) + gram(1, 1)) / 2;
  const double det = gram(0, 0) * gram(1, 1) - gram(0, 1) * gram(1, 0);
  return std::sqrt(half_trace + std::sqrt(std::max(half_trace * half_trace - det, 0.0)));
}

VisibleTriangles visible_triangles(std::span<const cv::Point2f> source_points,
                                   std::span<const cv::Point2f> target_points,
                                   std::span<const float> target_depth,
                                   std::span<const cv::Vec3i> triangles, float max_stretch) {
  const double limit = max_stretch * face_scale(source_points, target_points);
  const std::vector<std::uint8_t> outer = near_the_oval(source_points, kOuterBand);
  std::vector<float> depth;
  VisibleTriangles out;
  for (const cv::Vec3i& t : triangles) {
    const cv::Point2f src[3] = {source_points[t[0]], source_points[t[1]], source_points[t[2]]};
    const cv::Point2f dst[3] = {target_points[t[0]], target_points[t[1]], target_points[t[2]]};
    const float source_area = twice_signed_area(src), target_area = twice_signed_area(dst);
    if (std::abs(source_area) < kMinTwiceArea || std::abs(target_area) < kMinTwiceArea ||
        (source_area > 0) != (target_area > 0))
      continue;
    out.triangles.push_back(t);
    const bool on_the_side = outer[t[0]] || outer[t[1]] || outer[t[2]];
    out.trusted.push_back(on_the_side && largest_stretch(src, dst) > limit ? 0 : 1);
    if (!target_depth.empty())
      depth.push_back(target_depth[t[0]] + target_depth[t[1]] + target_depth[t[2]]);
  }
  if (depth.empty()) return out;
  std::vector<std::size_t> order(out.triangles.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return depth[a] > depth[b]; });
  VisibleTriangles sorted;
  for (const std::size_t i : order) {
    sorted.triangles.push_back(out.triangles[i]);
    sorted.trusted.push_back(out.trusted[i]);
  }
  return sorted;
}

}  // namespace am

#include "faceswap/landmark_filter.hpp"

#include <algorithm>
#include <array>
#include <span>

#include "perception/face/face_mesh_topology.hpp"

namespace am {
namespace {

// Points that move with an expression, and the two corners they move against.
struct ExpressionPart {
  int corner_a = 0, corner_b = 0;
  std::vector<int> points;
};

template <std::size_t... N>
ExpressionPart part(int a, int b, const std::array<int, N>&... contours) {
  ExpressionPart out{a, b, {}};
  for (const std::span<const int> contour : {std::span<const int>(contours)...})
    for (const int i : contour)
      if (i != a && i != b) out.points.push_back(i);
  return out;
}

const std::array<ExpressionPart, 3>& expression_parts() {
  static const std::array<ExpressionPart, 3> parts{
      part(kMeshRightEyeOuter, kMeshRightEyeInner, kMeshRightEye),
      part(kMeshLeftEyeOuter, kMeshLeftEyeInner, kMeshLeftEye),
      part(kMeshMouthRight, kMeshMouthLeft, kMeshOuterLips, kMeshInnerLips)};
  return parts;
}

// The frame of two corners: origin at a, x towards b, lengths in units of |b - a|.
struct CornerFrame {
  cv::Point2f origin, x, y;

  CornerFrame(cv::Point2f a, cv::Point2f b) : origin(a) {
    const cv::Point2f axis = b - a;
    const float length_sq = std::max(axis.dot(axis), 1e-6f);
    x = axis * (1.0f / length_sq);
    y = {-x.y, x.x};
  }
  cv::Point2f local(cv::Point2f p) const { return {(p - origin).dot(x), (p - origin).dot(y)}; }
  cv::Point2f world(cv::Point2f l) const {
    const float length_sq = 1.0f / x.dot(x);
    return origin + length_sq * (l.x * x + l.y * y);
  }
};

bool is_face_mesh(std::span<const cv::Point2f> points) {
  return points.size() == static_cast<std::size_t>(kMeshPointCount);
}

// Each expression point's place against its corners, filtered with `shape` filters.
void filter_expression(LandmarkFilterState& state, std::span<const cv::Point2f> points,
                       double time_s) {
  for (const ExpressionPart& part : expression_parts()) {
    const CornerFrame seen(points[part.corner_a], points[part.corner_b]);
    const CornerFrame smoothed(state.value[part.corner_a], state.value[part.corner_b]);
    for (const int i : part.points) {
      const cv::Point2f l = seen.local(points[i]);
      state.value[i] = smoothed.world(
          {state.shape_x[i].apply(time_s, l.x), state.shape_y[i].apply(time_s, l.y)});
    }
  }
}

double mean_jump(std::span<const cv::Point2f> a, std::span<const cv::Point2f> b) {
  double sum = 0;
  for (std::size_t i = 0; i < a.size(); ++i) sum += cv::norm(a[i] - b[i]);
  return a.empty() ? 0 : sum / static_cast<double>(a.size());
}

void restart(LandmarkFilterState& state, std::span<const cv::Point2f> points, double time_s,
             const LandmarkSmoothing& params) {
  state.x.assign(points.size(), OneEuroFilter(params.filter));
  state.y.assign(points.size(), OneEuroFilter(params.filter));
  for (std::size_t i = 0; i < points.size(); ++i) {
    state.x[i].apply(time_s, points[i].x);
    state.y[i].apply(time_s, points[i].y);
  }
  state.value.assign(points.begin(), points.end());
  state.time_s = time_s;
  state.restarted = true;
  state.shape_x.assign(points.size(), OneEuroFilter(params.expression));
  state.shape_y.assign(points.size(), OneEuroFilter(params.expression));
  if (is_face_mesh(points)) filter_expression(state, points, time_s);
}

}  // namespace

std::vector<cv::Point2f> filter_landmarks(LandmarkFilterState& state,
                                          std::span<const cv::Point2f> points, double time_s,
                                          float face_size, const LandmarkSmoothing& params) {
  const float size = std::max(1.0f, face_size);
  if (state.value.size() != points.size() || time_s <= state.time_s ||
      mean_jump(points, state.value) > params.reset_jump * size) {
    restart(state, points, time_s, params);
    return state.value;
  }
  for (std::size_t i = 0; i < points.size(); ++i)
    state.value[i] = {state.x[i].apply(time_s, points[i].x, 1.0f / size),
                      state.y[i].apply(time_s, points[i].y, 1.0f / size)};
  if (is_face_mesh(points)) filter_expression(state, points, time_s);
  state.time_s = time_s;
  state.restarted = false;
  return state.value;
}

}  // namespace am

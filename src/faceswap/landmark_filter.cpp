#include "faceswap/landmark_filter.hpp"

#include <algorithm>

namespace am {
namespace {

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
  state.time_s = time_s;
  return state.value;
}

}  // namespace am

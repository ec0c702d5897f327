#include "faceswap/landmark_filter.hpp"

#include <cmath>
#include <numbers>

namespace am {

namespace {

// Exponential smoothing factor for a cutoff frequency and a time step.
double smoothing_factor(double cutoff_hz, double dt) {
  const double tau = 1.0 / (2 * std::numbers::pi * cutoff_hz);
  return 1.0 / (1.0 + tau / dt);
}

double mean_jump(std::span<const cv::Point2f> a, std::span<const cv::Point2f> b) {
  double sum = 0;
  for (std::size_t i = 0; i < a.size(); ++i) sum += cv::norm(a[i] - b[i]);
  return a.empty() ? 0 : sum / static_cast<double>(a.size());
}

void restart(LandmarkFilterState& state, std::span<const cv::Point2f> points, double time_s) {
  state.value.assign(points.begin(), points.end());
  state.derivative.assign(points.size(), {0, 0});
  state.time_s = time_s;
}

}  // namespace

std::vector<cv::Point2f> filter_landmarks(LandmarkFilterState& state,
                                          std::span<const cv::Point2f> points, double time_s,
                                          float face_size, const OneEuroParams& params) {
  const double size = std::max(1.0f, face_size);
  const double dt = time_s - state.time_s;
  if (state.value.size() != points.size() || dt <= 0 ||
      mean_jump(points, state.value) > params.reset_jump * size) {
    restart(state, points, time_s);
    return state.value;
  }
  const double a_d = smoothing_factor(params.derivative_cutoff, dt);
  for (std::size_t i = 0; i < points.size(); ++i) {
    const cv::Point2f speed = (points[i] - state.value[i]) * static_cast<float>(1.0 / (dt * size));
    state.derivative[i] += static_cast<float>(a_d) * (speed - state.derivative[i]);
    const double cutoff = params.min_cutoff + params.beta * cv::norm(state.derivative[i]);
    const float a = static_cast<float>(smoothing_factor(cutoff, dt));
    state.value[i] += a * (points[i] - state.value[i]);
  }
  state.time_s = time_s;
  return state.value;
}

}  // namespace am

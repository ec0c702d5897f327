#include "perception/common/one_euro_filter.hpp"

#include <cmath>
#include <numbers>

namespace am {

float LowPassFilter::apply(float value, float alpha) {
  stored_ = initialized_ ? alpha * value + (1 - alpha) * stored_ : value;
  raw_ = value;
  initialized_ = true;
  return stored_;
}

double OneEuroFilter::alpha(double cutoff) const {
  const double te = 1.0 / params_.frequency;
  const double tau = 1.0 / (2 * std::numbers::pi * cutoff);
  return 1.0 / (1.0 + tau / te);
}

float OneEuroFilter::apply(double timestamp_s, float value, float value_scale) {
  if (last_time_s_ >= timestamp_s) return value;
  if (last_time_s_ >= 0) params_.frequency = 1.0 / (timestamp_s - last_time_s_);
  last_time_s_ = timestamp_s;
  const double dvalue =
      x_.has_last_raw() ? (value - x_.last_raw()) * value_scale * params_.frequency : 0.0;
  const double edvalue =
      dx_.apply(static_cast<float>(dvalue), static_cast<float>(alpha(params_.derivate_cutoff)));
  const double cutoff = params_.min_cutoff + params_.beta * std::fabs(edvalue);
  return x_.apply(value, static_cast<float>(alpha(cutoff)));
}

}  // namespace am

// Temporal smoothing as MediaPipe's LandmarksSmoothingCalculator and VisibilitySmoothingCalculator
// do it. LowPassFilter: exponential smoothing with a given alpha (the first value passes).
// OneEuroFilter (Casiez et al.): a low-pass filter whose cutoff rises with the speed of the
// signal, cutoff = min_cutoff + beta * |filtered derivative|; the frequency comes from the
// timestamps (the configured one is used for the first step only); values with a timestamp not
// after the previous one pass unfiltered. value_scale multiplies the derivative (MediaPipe passes
// 1 / object size so the filter behaves the same for near and far people).
#pragma once

namespace am {

class LowPassFilter {
 public:
  float apply(float value, float alpha);
  bool has_last_raw() const { return initialized_; }
  float last_raw() const { return raw_; }

 private:
  bool initialized_ = false;
  float raw_ = 0, stored_ = 0;
};

struct OneEuroParams {
  double frequency = 30;
  double min_cutoff = 0.05;
  double beta = 80;
  double derivate_cutoff = 1;
};

class OneEuroFilter {
 public:
  explicit OneEuroFilter(const OneEuroParams& params = {}) : params_(params) {}

  float apply(double timestamp_s, float value, float value_scale = 1.0f);

 private:
  double alpha(double cutoff) const;

  OneEuroParams params_;
  double last_time_s_ = -1;
  LowPassFilter x_, dx_;
};

}  // namespace am

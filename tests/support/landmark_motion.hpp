// How much tracked points move between frames: the root mean square, over points and consecutive
// frame pairs, of each point's step. Frames hold the same points in the same order; 0 for fewer
// than two frames. Header-only (face swap jitter tests).
#pragma once

#include <cmath>
#include <vector>

#include <opencv2/core/types.hpp>

namespace am::test {

inline double rms_step(const std::vector<std::vector<cv::Point2f>>& frames) {
  double sum = 0;
  int n = 0;
  for (std::size_t f = 1; f < frames.size(); ++f) {
    for (std::size_t i = 0; i < frames[f].size(); ++i, ++n) {
      const cv::Point2f d = frames[f][i] - frames[f - 1][i];
      sum += d.dot(d);
    }
  }
  return n ? std::sqrt(sum / n) : 0;
}

}  // namespace am::test

// Temporal smoothing of a landmark set: perception's One Euro filter (Casiez et al. 2012) per
// coordinate, scale-free (the derivative is measured in face sizes per second, so the same
// parameters suit near and far faces). A jump larger than reset_jump face sizes (mean over the
// points), a change of point count or time going backwards restarts the filter at the new points
// (a cut in the video must not be smeared).
#pragma once

#include <span>
#include <vector>

#include <opencv2/core/types.hpp>

#include "perception/common/one_euro_filter.hpp"

namespace am {

struct LandmarkSmoothing {
  // 0.3 Hz smooths a still face; beta 10 per face size/s removes the lag when it moves.
  OneEuroParams filter{30, 0.3, 10, 1};
  double reset_jump = 0.3;  // face sizes
};

struct LandmarkFilterState {
  std::vector<OneEuroFilter> x, y;
  std::vector<cv::Point2f> value;  // filtered points, pixels
  double time_s = 0;
};

// Filters `points` seen at time_s (seconds, increasing) on a face `face_size` pixels across and
// gives the smoothed points.
std::vector<cv::Point2f> filter_landmarks(LandmarkFilterState& state,
                                          std::span<const cv::Point2f> points, double time_s,
                                          float face_size, const LandmarkSmoothing& params = {});

}  // namespace am

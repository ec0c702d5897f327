// Temporal smoothing of a landmark set (One Euro filter, Casiez et al. 2012, per coordinate),
// scale-free: positions are divided by the face size before filtering, so the same parameters
// suit near and far faces. A jump larger than reset_jump face sizes (mean over the points), a
// change of point count or time going backwards restarts the filter at the new points (outlier
// reset: a cut in the video must not be smeared). Plain state + free function; pure.
#pragma once

#include <span>
#include <vector>

#include <opencv2/core/types.hpp>

namespace am {

struct OneEuroParams {
  double min_cutoff = 0.3;  // Hz: smoothing of a still face (lower = smoother)
  double beta = 10.0;       // cutoff increase per (face sizes / s) of speed: less lag when moving
  double derivative_cutoff = 1.0;  // Hz
  double reset_jump = 0.3;         // face sizes
};

struct LandmarkFilterState {
  std::vector<cv::Point2f> value;       // filtered points, pixels
  std::vector<cv::Point2f> derivative;  // face sizes / s
  double time_s = 0;
};

// Filters `points` seen at time_s (seconds, increasing) on a face `face_size` pixels across and
// gives the smoothed points.
std::vector<cv::Point2f> filter_landmarks(LandmarkFilterState& state,
                                          std::span<const cv::Point2f> points, double time_s,
                                          float face_size, const OneEuroParams& params = {});

}  // namespace am

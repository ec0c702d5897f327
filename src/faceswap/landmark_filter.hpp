// Temporal smoothing of a landmark set: perception's One Euro filter (Casiez et al. 2012) per
// coordinate, scale-free (the derivative is measured in face sizes per second, so the same
// parameters suit near and far faces). A jump larger than reset_jump face sizes (mean over the
// points), a change of point count or time going backwards restarts the filter at the new points
// (a cut in the video must not be smeared). On the 468-point face mesh the eyelids and lips are
// filtered twice: as points like the others, and as their shape relative to their eye's or the
// mouth's corners, with a faster filter (`expression`, in eye / mouth widths) that lets a blink
// or a word through; the result puts that shape on the smoothed corners, so the face stays
// still while its eyes and mouth move as fast as the person's.
#pragma once

#include <span>
#include <vector>

#include <opencv2/core/types.hpp>

#include "perception/common/one_euro_filter.hpp"

namespace am {

struct LandmarkSmoothing {
  // 0.3 Hz smooths a still face; beta 10 per face size/s removes the lag when it moves.
  OneEuroParams filter{30, 0.3, 10, 1};
  // Eyelids and lips against their corners: a blink closes an eye in about 75 ms.
  OneEuroParams expression{30, 1.5, 10, 5};
  double reset_jump = 0.3;  // face sizes
};

struct LandmarkFilterState {
  std::vector<OneEuroFilter> x, y;
  std::vector<OneEuroFilter> shape_x, shape_y;  // eyelids and lips against their corners
  std::vector<cv::Point2f> value;               // filtered points, pixels
  double time_s = 0;
  bool restarted = false;  // the last call started the filter again (a new face, or a cut)
};

// Filters `points` seen at time_s (seconds, increasing) on a face `face_size` pixels across and
// gives the smoothed points.
std::vector<cv::Point2f> filter_landmarks(LandmarkFilterState& state,
                                          std::span<const cv::Point2f> points, double time_s,
                                          float face_size, const LandmarkSmoothing& params = {});

}  // namespace am

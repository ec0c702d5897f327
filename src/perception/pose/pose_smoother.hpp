// Per-person temporal smoothing of pose landmarks for video, with the settings of MediaPipe's
// pose_landmark_filtering graph: body landmarks One Euro (min_cutoff 0.05, beta 80, derivative
// cutoff 1) scaled by the person's size, auxiliary landmarks One Euro (0.01, 10, 1) so the next
// ROI is steady, world landmarks One Euro (0.1, 40, 1) unscaled, visibility low-pass (alpha 0.1).
// Takes the 35 projected landmarks (33 body + 2 auxiliary) and 33 world landmarks of one frame;
// smooths them in place. A fresh smoother passes the first frame unchanged.
#pragma once

#include <array>
#include <vector>

#include "perception/common/one_euro_filter.hpp"
#include "perception/pose/pose_types.hpp"

namespace am {

class PoseSmoother {
 public:
  void smooth(double timestamp_s, std::vector<PoseLandmark>& landmarks, PoseLandmarks& world);

 private:
  using Xyz = std::array<OneEuroFilter, 3>;
  static void smooth_points(double t, std::vector<PoseLandmark>& lms, std::size_t begin,
                            std::size_t end, std::vector<Xyz>& filters,
                            const OneEuroParams& params);

  std::vector<Xyz> body_, aux_, world_;
  std::vector<LowPassFilter> visibility_;
};

}  // namespace am

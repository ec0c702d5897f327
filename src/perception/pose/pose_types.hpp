// Plain data of the BlazePose pipeline, shared by its free functions and by PoseTracker.
// Image coordinates are pixels of the input image (x right, y down); the ROI is the rotated crop
// (perception/common/rotated_roi.hpp) the landmarks came from. World landmarks are metres with
// the origin between the hips, as the landmark model gives them.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include <opencv2/core/mat.hpp>
#include <opencv2/core/types.hpp>

#include "body/landmarks.hpp"
#include "perception/common/rotated_roi.hpp"

namespace am {

struct PoseObservation {
  int id = 0;       // local to the PoseTracker that made it, stable while its ROI track lives
  cv::Rect2f box;   // bounding box of the 33 landmarks, clipped to the image
  float score = 0;  // pose presence in [0, 1]
  PoseLandmarks landmarks{};        // image pixels (body/landmarks.hpp)
  PoseLandmarks world_landmarks{};  // metres, with the image landmarks' visibility and presence
  RotatedRoi roi;                   // the crop the landmarks came from
  std::optional<cv::Mat> mask;      // CV_32F person probability, image size
};

}  // namespace am

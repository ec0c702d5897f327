// Plain data of the BlazePose pipeline, shared by its free functions and by PoseTracker.
// Image coordinates are pixels of the input image (x right, y down); a RotatedRoi is a square
// crop of the image given by its centre, size in pixels and rotation in radians (MediaPipe's
// convention: positive turns the crop's up-axis clockwise on screen). World landmarks are metres
// with the origin between the hips, as the landmark model gives them.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include <opencv2/core/mat.hpp>
#include <opencv2/core/types.hpp>

#include "body/landmarks.hpp"

namespace am {

struct RotatedRoi {
  cv::Point2f center;
  float width = 0;     // pixels
  float height = 0;    // pixels
  float rotation = 0;  // radians
};

// One person found by the detector: box and keypoints in pixels of the detector's input space
// (or of the image once mapped back). Keypoint 0 is the hip centre, 1 a point above the head
// that gives the body's scale and direction, 2 and 3 the face box centre and top.
struct PoseDetection {
  cv::Rect2f box;
  float score = 0;
  std::array<cv::Point2f, 4> keypoints{};
};

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

// A captured image and when it was taken. Every stage downstream carries index and
// capture_time_ms along so latency can be measured from capture to socket.
#pragma once

#include <cstdint>

#include <opencv2/core/mat.hpp>

namespace am {

struct Frame {
  int64_t index = 0;           // 0-based position in its source
  double capture_time_ms = 0;  // steady (monotonic) clock, see clock.hpp
  double source_time_ms = 0;   // position in the file for videos, else equals capture offset
  cv::Mat image;               // 8-bit BGR
};

}  // namespace am

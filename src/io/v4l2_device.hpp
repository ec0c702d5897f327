// The V4L2 queries the camera code needs, kept in one place: whether a /dev/video* node is a
// video capture device (and its name), which pixel formats it offers, and a one-line list of the
// cameras present for error messages. Nothing here opens a stream or grabs a frame.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "io/frame_source.hpp"

namespace am {

// The device at `path` when VIDIOC_QUERYCAP reports video capture; nullopt otherwise (absent,
// not a capture node, or not V4L2).
std::optional<CameraDevice> query_capture_device(const std::string& path);

// True when the capture device at `path` lists the FOURCC among its formats (VIDIOC_ENUM_FMT).
bool offers_pixel_format(const std::string& path, uint32_t fourcc);

// "cameras found: /dev/video0 (HD Webcam), ..." or, with none, how to pass a video instead.
std::string describe_available_cameras(const std::vector<CameraDevice>& cameras);

}  // namespace am

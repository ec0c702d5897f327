// Frame sources: one interface over cameras (V4L2), video files, streams (RTSP/HTTP), single
// images and folders of images. open_source() takes a spec string, the camera request and the
// pacing, and gives a FrameSource whose next() yields 8-bit BGR frames indexed 0, 1, 2, ...
// with monotonic capture times, then std::nullopt at the end. Every failure to open is a
// SourceError with one line naming the path or device and what to do.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/frame.hpp"

namespace am {

// Realtime: files play at their own frame rate (as a camera would). AsFastAsPossible: no
// sleeping, for batch commands.
enum class Pacing { Realtime, AsFastAsPossible };

struct CameraRequest {
  int width = 1280;
  int height = 720;
  int fps = 30;
};

struct SourceInfo {
  std::string kind;  // camera|video|image|folder|stream
  std::string description;
  int width = 0;
  int height = 0;
  double fps = 0;
  int64_t frame_count = -1;  // -1: unknown
};

class FrameSource {
 public:
  virtual ~FrameSource() = default;
  // The next frame (index counts from 0, capture_time_ms from am::monotonic_ms() when grabbed,
  // image 8-bit BGR), or std::nullopt at the end. Throws SourceError for failures that are not
  // the end.
  virtual std::optional<Frame> next() = 0;
  virtual const SourceInfo& info() const = 0;
};

// spec: "camera:N" or "N" (camera index), "/dev/videoN", "rtsp://..."/"http(s)://..." (OpenCV
// FFmpeg backend), a folder of images (sorted by name), an image file, a video file.
std::unique_ptr<FrameSource> open_source(const std::string& spec, const CameraRequest& camera,
                                         Pacing pacing);

struct CameraDevice {
  std::string path;  // /dev/videoN
  std::string name;  // the driver's card name
};

// V4L2 video capture devices under /dev/video*, sorted by number (VIDIOC_QUERYCAP).
std::vector<CameraDevice> list_cameras();

}  // namespace am

#include "io/v4l2_device.hpp"

#include <fcntl.h>
#include <linux/videodev2.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cerrno>

namespace am {
namespace {

// An open file descriptor closed on scope exit.
class DeviceHandle {
 public:
  explicit DeviceHandle(const std::string& path) : fd_(::open(path.c_str(), O_RDWR | O_NONBLOCK)) {}
  ~DeviceHandle() {
    if (fd_ >= 0) ::close(fd_);
  }
  DeviceHandle(const DeviceHandle&) = delete;
  DeviceHandle& operator=(const DeviceHandle&) = delete;

  bool is_open() const { return fd_ >= 0; }

  bool ioctl_retry(unsigned long request, void* arg) const {
    int result;
    do {
      result = ::ioctl(fd_, request, arg);
    } while (result == -1 && errno == EINTR);
    return result == 0;
  }

 private:
  int fd_;
};

bool is_video_capture(const v4l2_capability& caps) {
  uint32_t effective =
      (caps.capabilities & V4L2_CAP_DEVICE_CAPS) ? caps.device_caps : caps.capabilities;
  return (effective & V4L2_CAP_VIDEO_CAPTURE) != 0;
}

}  // namespace

std::optional<CameraDevice> query_capture_device(const std::string& path) {
  DeviceHandle device(path);
  if (!device.is_open()) return std::nullopt;
  v4l2_capability caps{};
  if (!device.ioctl_retry(VIDIOC_QUERYCAP, &caps) || !is_video_capture(caps)) return std::nullopt;
  return CameraDevice{path, reinterpret_cast<const char*>(caps.card)};
}

bool offers_pixel_format(const std::string& path, uint32_t fourcc) {
  DeviceHandle device(path);
  if (!device.is_open()) return false;
  v4l2_fmtdesc format{};
  format.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
  for (format.index = 0; device.ioctl_retry(VIDIOC_ENUM_FMT, &format); ++format.index) {
    if (format.pixelformat == fourcc) return true;
  }
  return false;
}

std::string describe_available_cameras(const std::vector<CameraDevice>& cameras) {
  if (cameras.empty()) {
    return "no cameras were found on this machine; to use a video instead pass --source "
           "path/to/video.mp4 (make run SOURCE=path/to/video.mp4)";
  }
  std::string text = "cameras found:";
  for (size_t i = 0; i < cameras.size(); ++i) {
    text += (i == 0 ? " " : ", ") + cameras[i].path + " (" + cameras[i].name + ")";
  }
  return text;
}

}  // namespace am

#include "io/camera_source.hpp"

#include <linux/videodev2.h>
#include <unistd.h>

#include <filesystem>

#include <spdlog/spdlog.h>
#include <opencv2/videoio.hpp>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "io/v4l2_device.hpp"

namespace am {
namespace {

constexpr int kFirstFrameAttempts = 30;  // cameras often drop the first frames after starting

class CameraSource : public FrameSource {
 public:
  CameraSource(const cv::VideoCapture& capture, SourceInfo info)
      : capture_(capture), info_(std::move(info)) {}

  std::optional<Frame> next() override {
    cv::Mat image = read_image();
    Frame frame;
    frame.capture_time_ms = monotonic_ms();
    if (start_ms_ < 0) start_ms_ = frame.capture_time_ms;
    frame.index = next_index_++;
    frame.source_time_ms = frame.capture_time_ms - start_ms_;
    frame.image = std::move(image);
    return frame;
  }

  const SourceInfo& info() const override { return info_; }

 private:
  cv::Mat read_image() {
    cv::Mat image;
    if (!capture_.read(image) || image.empty()) {
      throw SourceError("camera " + info_.description +
                        " stopped giving frames: check it is still plugged in and not taken by "
                        "another program, then restart");
    }
    return image;
  }

  cv::VideoCapture capture_;
  SourceInfo info_;
  int64_t next_index_ = 0;
  double start_ms_ = -1;
};

// Why the node named by the spec is no usable capture device, with the cameras that exist.
std::string camera_unusable_message(const SourceSpec& spec) {
  const std::string& path = spec.target;
  if (!std::filesystem::exists(path)) {
    return "camera " + path + " not found; " + describe_available_cameras(list_cameras());
  }
  if (::access(path.c_str(), R_OK | W_OK) != 0) {
    return "cannot open camera " + path +
           ": permission denied; add your user to the video group (sudo usermod -aG video "
           "$USER) and log in again";
  }
  return path + " is not a video capture device; " + describe_available_cameras(list_cameras());
}

std::string camera_busy_message(const std::string& path) {
  return "camera " + path +
         " exists but gives no frames: it may be busy (in use by another program); close the "
         "other program (fuser " +
         path + ") or pick another camera";
}

void request_format(cv::VideoCapture& capture, const std::string& path,
                    const CameraRequest& request) {
  if (offers_pixel_format(path, V4L2_PIX_FMT_MJPEG)) {
    capture.set(cv::CAP_PROP_FOURCC, cv::VideoWriter::fourcc('M', 'J', 'P', 'G'));
  }
  capture.set(cv::CAP_PROP_FRAME_WIDTH, request.width);
  capture.set(cv::CAP_PROP_FRAME_HEIGHT, request.height);
  capture.set(cv::CAP_PROP_FPS, request.fps);
}

cv::Mat read_first_image(cv::VideoCapture& capture) {
  cv::Mat image;
  for (int attempt = 0; attempt < kFirstFrameAttempts; ++attempt) {
    if (capture.read(image) && !image.empty()) return image;
  }
  return {};
}

SourceInfo describe_camera(const CameraDevice& device, const cv::VideoCapture& capture,
                           const cv::Mat& first, const CameraRequest& request) {
  double fps = capture.get(cv::CAP_PROP_FPS);
  return {"camera",
          device.path + " (" + device.name + ")",
          first.cols,
          first.rows,
          fps > 0 ? fps : request.fps,
          -1};
}

}  // namespace

std::unique_ptr<FrameSource> open_camera(const SourceSpec& spec, const CameraRequest& request) {
  std::optional<CameraDevice> device = query_capture_device(spec.target);
  if (!device) throw SourceError(camera_unusable_message(spec));
  cv::VideoCapture capture;
  if (!capture.open(device->path, cv::CAP_V4L2)) {
    throw SourceError(camera_busy_message(device->path));
  }
  request_format(capture, device->path, request);
  cv::Mat first = read_first_image(capture);
  if (first.empty()) throw SourceError(camera_busy_message(device->path));
  SourceInfo info = describe_camera(*device, capture, first, request);
  spdlog::info("camera {}: {}x{} at {} fps", info.description, info.width, info.height, info.fps);
  return std::make_unique<CameraSource>(std::move(capture), std::move(info));
}

}  // namespace am

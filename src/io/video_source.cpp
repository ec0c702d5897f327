#include "io/video_source.hpp"

#include <optional>
#include <utility>

#include <spdlog/spdlog.h>
#include <opencv2/videoio.hpp>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "io/frame_pacer.hpp"

namespace am {
namespace {

struct DecodedImage {
  cv::Mat image;
  double position_ms = 0;  // the container's timestamp
};

std::optional<DecodedImage> decode_one(cv::VideoCapture& capture) {
  DecodedImage decoded;
  if (!capture.read(decoded.image) || decoded.image.empty()) return std::nullopt;
  decoded.position_ms = capture.get(cv::CAP_PROP_POS_MSEC);
  return decoded;
}

// Files are read one frame ahead: when decoding stops well before the container's frame count
// (a truncated file), the frame before the stop is usually half decoded and is dropped.
// Streams are live and never read ahead, so they add no latency.
class VideoSource : public FrameSource {
 public:
  VideoSource(const cv::VideoCapture& capture, DecodedImage first, SourceInfo info, Pacing pacing,
              bool read_ahead)
      : capture_(capture),
        pending_(std::move(first)),
        info_(std::move(info)),
        pacer_(pacing, info_.fps),
        read_ahead_(read_ahead) {}

  std::optional<Frame> next() override {
    std::optional<DecodedImage> decoded = take_next_decoded();
    if (!decoded) return std::nullopt;
    pacer_.wait_until_due(next_index_);
    Frame frame;
    frame.index = next_index_++;
    frame.capture_time_ms = monotonic_ms();
    frame.source_time_ms = info_.fps > 0 ? static_cast<double>(frame.index) * 1000.0 / info_.fps
                                         : decoded->position_ms;
    frame.image = std::move(decoded->image);
    return frame;
  }

  const SourceInfo& info() const override { return info_; }

 private:
  std::optional<DecodedImage> take_next_decoded() {
    if (!read_ahead_)
      return pending_ ? std::exchange(pending_, std::nullopt) : decode_one(capture_);
    std::optional<DecodedImage> current = std::exchange(pending_, std::nullopt);
    if (!current) return std::nullopt;
    pending_ = decode_one(capture_);
    if (!pending_ && ended_early(next_index_ + 1)) {
      spdlog::warn(
          "{} ends after {} of {} frames (truncated or damaged); dropping its last, "
          "possibly half-decoded frame",
          info_.description, next_index_ + 1, info_.frame_count);
      return std::nullopt;
    }
    return current;
  }

  // True when `decoded` frames fall clearly short of the container's count.
  bool ended_early(int64_t decoded) const {
    return info_.frame_count > 0 && decoded < info_.frame_count - 1;
  }

  cv::VideoCapture capture_;
  std::optional<DecodedImage> pending_;
  SourceInfo info_;
  FramePacer pacer_;
  bool read_ahead_;
  int64_t next_index_ = 0;
};

SourceInfo describe_capture(const cv::VideoCapture& capture, const cv::Mat& first,
                            const std::string& kind, const std::string& description) {
  SourceInfo info;
  info.kind = kind;
  info.description = description;
  info.width = first.cols;
  info.height = first.rows;
  info.fps = capture.get(cv::CAP_PROP_FPS);
  if (!(info.fps > 0 && info.fps < 1000)) info.fps = 0;
  auto count = static_cast<int64_t>(capture.get(cv::CAP_PROP_FRAME_COUNT));
  info.frame_count = count > 0 ? count : -1;
  return info;
}

}  // namespace

std::unique_ptr<FrameSource> open_video_file(const std::filesystem::path& path, Pacing pacing) {
  const std::string name = path.string();
  const std::string corrupt = "cannot decode video " + name +
                              ": the file is damaged or not a video; check it plays (ffprobe " +
                              name + ") or re-encode it to H.264 .mp4";
  cv::VideoCapture capture;
  if (!capture.open(name, cv::CAP_FFMPEG)) throw SourceError(corrupt);
  std::optional<DecodedImage> first = decode_one(capture);
  if (!first) throw SourceError(corrupt);
  SourceInfo info = describe_capture(capture, first->image, "video", name);
  return std::make_unique<VideoSource>(std::move(capture), std::move(*first), std::move(info),
                                       pacing, true);
}

std::unique_ptr<FrameSource> open_stream(const std::string& url) {
  cv::VideoCapture capture;
  std::optional<DecodedImage> first;
  if (!capture.open(url, cv::CAP_FFMPEG) || !(first = decode_one(capture))) {
    throw SourceError("cannot open stream " + url +
                      ": check the address, that the server is running and reachable (try "
                      "ffplay " +
                      url + ")");
  }
  SourceInfo info = describe_capture(capture, first->image, "stream", url);
  info.frame_count = -1;
  return std::make_unique<VideoSource>(std::move(capture), std::move(*first), std::move(info),
                                       Pacing::AsFastAsPossible, false);
}

}  // namespace am

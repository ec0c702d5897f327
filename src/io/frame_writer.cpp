#include "io/frame_writer.hpp"

#include <cstdio>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/videoio.hpp>

#include "core/error.hpp"
#include "io/source_spec.hpp"

namespace am {

struct FrameWriter::Video {
  cv::VideoWriter writer;
};

FrameWriter::FrameWriter(std::filesystem::path path, double fps)
    : path_(std::move(path)), fps_(fps > 0 ? fps : 30.0), as_images_(has_image_extension(path_)) {}

FrameWriter::~FrameWriter() = default;

void FrameWriter::finish() {
  if (as_images_ && written_ == 1 && !first_.empty()) write_image(path_, first_);
  first_.release();
  if (video_) video_->writer.release();
}

std::filesystem::path FrameWriter::numbered(int64_t index) const {
  char suffix[32];
  std::snprintf(suffix, sizeof suffix, "_%06lld", static_cast<long long>(index));
  return path_.parent_path() / (path_.stem().string() + suffix + path_.extension().string());
}

void FrameWriter::write_image(const std::filesystem::path& file, const cv::Mat& bgr) const {
  if (!cv::imwrite(file.string(), bgr))
    throw SourceError("cannot write image " + file.string() +
                      ": check that the folder exists and is writable");
}

void FrameWriter::write(const cv::Mat& bgr, int64_t index) {
  ++written_;
  if (as_images_) {
    if (written_ == 1) {
      first_ = bgr.clone();
      return;
    }
    if (!first_.empty()) {
      write_image(numbered(index - 1), first_);
      first_.release();
    }
    write_image(numbered(index), bgr);
    return;
  }
  if (!video_) {
    video_ = std::make_unique<Video>();
    const bool avi = path_.extension() == ".avi";
    const int fourcc = avi ? cv::VideoWriter::fourcc('M', 'J', 'P', 'G')
                           : cv::VideoWriter::fourcc('m', 'p', '4', 'v');
    if (!video_->writer.open(path_.string(), fourcc, fps_, bgr.size()))
      throw SourceError("cannot write video " + path_.string() +
                        ": use a .mp4 or .avi path in a writable folder");
  }
  video_->writer.write(bgr);
}

}  // namespace am

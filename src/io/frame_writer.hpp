// Writes annotated frames for the batch commands' --draw OUT. An image path (.png, .jpg, ...)
// gets the single frame, or for several frames one numbered file each (out_000012.png); any other
// path is a video (MJPG for .avi, mp4v otherwise) at the given frame rate. Throws SourceError
// naming the path when it cannot be written. Call finish() after the last frame.
#pragma once

#include <filesystem>
#include <memory>

#include <opencv2/core/mat.hpp>

namespace am {

class FrameWriter {
 public:
  FrameWriter(std::filesystem::path path, double fps);
  ~FrameWriter();
  FrameWriter(const FrameWriter&) = delete;
  FrameWriter& operator=(const FrameWriter&) = delete;

  void write(const cv::Mat& bgr, int64_t index);
  // Writes what is held back (a lone image) and closes a video; call once after the last frame.
  void finish();

 private:
  struct Video;
  std::filesystem::path path_;
  double fps_;
  bool as_images_;
  int64_t written_ = 0;
  cv::Mat first_;  // held back until a second frame shows whether to number files
  std::unique_ptr<Video> video_;
  void write_image(const std::filesystem::path& file, const cv::Mat& bgr) const;
  std::filesystem::path numbered(int64_t index) const;
};

}  // namespace am

#include "io/image_source.hpp"

#include <algorithm>
#include <utility>
#include <vector>

#include <spdlog/spdlog.h>
#include <opencv2/imgcodecs.hpp>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "io/frame_pacer.hpp"
#include "io/source_spec.hpp"

namespace am {
namespace {

namespace fs = std::filesystem;

cv::Mat decode_image(const fs::path& path) { return cv::imread(path.string(), cv::IMREAD_COLOR); }

Frame make_frame(int64_t index, double source_time_ms, cv::Mat image) {
  Frame frame;
  frame.index = index;
  frame.capture_time_ms = monotonic_ms();
  frame.source_time_ms = source_time_ms;
  frame.image = std::move(image);
  return frame;
}

// The image files directly inside `folder`, sorted by file name.
std::vector<fs::path> list_image_files(const fs::path& folder) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.is_regular_file() && has_image_extension(entry.path())) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end(),
            [](const fs::path& a, const fs::path& b) { return a.filename() < b.filename(); });
  return files;
}

class SingleImageSource : public FrameSource {
 public:
  SingleImageSource(cv::Mat image, SourceInfo info)
      : image_(std::move(image)), info_(std::move(info)) {}

  std::optional<Frame> next() override {
    if (done_) return std::nullopt;
    done_ = true;
    return make_frame(0, 0, std::move(image_));
  }

  const SourceInfo& info() const override { return info_; }

 private:
  cv::Mat image_;
  SourceInfo info_;
  bool done_ = false;
};

class FolderSource : public FrameSource {
 public:
  // Decodes the first good image now, so that info() has its size; throws when none decodes.
  FolderSource(const fs::path& folder, std::vector<fs::path> files, double fps, Pacing pacing)
      : files_(std::move(files)), pacer_(pacing, fps) {
    pending_ = decode_next_good_image();
    if (pending_.empty()) {
      throw SourceError("no image in folder " + folder.string() +
                        " could be decoded: the files are damaged or not images");
    }
    info_ = {"folder",      folder.string(),
             pending_.cols, pending_.rows,
             fps,           static_cast<int64_t>(files_.size())};
  }

  std::optional<Frame> next() override {
    cv::Mat image = pending_.empty() ? decode_next_good_image() : std::exchange(pending_, {});
    if (image.empty()) return std::nullopt;
    pacer_.wait_until_due(next_index_);
    double source_time_ms =
        info_.fps > 0 ? static_cast<double>(next_index_) * 1000.0 / info_.fps : 0;
    return make_frame(next_index_++, source_time_ms, std::move(image));
  }

  const SourceInfo& info() const override { return info_; }

 private:
  // Decodes files until one succeeds, warning about each that does not; empty at the end.
  cv::Mat decode_next_good_image() {
    while (next_file_ < files_.size()) {
      const fs::path& file = files_[next_file_++];
      cv::Mat image = decode_image(file);
      if (!image.empty()) return image;
      spdlog::warn("skipping {}: not a decodable image (damaged or unreadable)", file.string());
    }
    return {};
  }

  std::vector<fs::path> files_;
  size_t next_file_ = 0;
  cv::Mat pending_;
  SourceInfo info_;
  FramePacer pacer_;
  int64_t next_index_ = 0;
};

}  // namespace

std::unique_ptr<FrameSource> open_image_file(const fs::path& path) {
  cv::Mat image = decode_image(path);
  if (image.empty()) {
    throw SourceError("cannot decode image " + path.string() +
                      ": the file is damaged or not an image; open it in an image viewer or "
                      "re-save it as .jpg or .png");
  }
  SourceInfo info{"image", path.string(), image.cols, image.rows, 0, 1};
  return std::make_unique<SingleImageSource>(std::move(image), std::move(info));
}

std::unique_ptr<FrameSource> open_image_folder(const fs::path& folder, double fps, Pacing pacing) {
  std::vector<fs::path> files = list_image_files(folder);
  if (files.empty()) {
    throw SourceError("folder " + folder.string() +
                      " contains no images (.jpg, .png, .bmp, .tif, .webp): put images in it "
                      "or pass a video or image file");
  }
  return std::make_unique<FolderSource>(folder, std::move(files), fps, pacing);
}

}  // namespace am

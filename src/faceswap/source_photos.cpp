#include "faceswap/source_photos.hpp"

#include <opencv2/imgcodecs.hpp>

#include "core/error.hpp"

namespace am {

namespace {

cv::Mat read_source_photo(const std::filesystem::path& source) {
  cv::Mat image = cv::imread(source.string(), cv::IMREAD_COLOR);
  if (image.empty())
    throw SourceError("face swap: cannot read the source photo " + source.string() +
                      ": give an existing image file (.jpg, .png, ...)");
  return image;
}

}  // namespace

void add_sources(FaceSwapper& swapper, const FaceMap& sources) {
  if (sources.empty())
    throw SourceError("face swap: no source photo: give --source FACE or --face-map ID=PHOTO,...");
  for (const std::filesystem::path& photo : sources.photos())
    swapper.add_source(read_source_photo(photo), photo.string());
}

}  // namespace am

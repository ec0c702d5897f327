#include <spdlog/spdlog.h>
#include <opencv2/imgcodecs.hpp>

#include "app/commands.hpp"
#include "core/error.hpp"
#include "models/registry.hpp"
#include "perception/segmentation/segmenter.hpp"
#include "pipeline/pipeline_settings.hpp"

namespace am {
namespace {

cv::Mat read_image(const std::string& path) {
  cv::Mat image = cv::imread(path, cv::IMREAD_COLOR);
  if (image.empty())
    throw SourceError("cannot read image " + path +
                      ": check the path and that it is a PNG or JPEG that is not damaged");
  return image;
}

void write_image(const std::string& path, const cv::Mat& image) {
  if (!cv::imwrite(path, image))
    throw Error("cannot write " + path + ": use a .png path in a writable folder");
}

}  // namespace

int cmd_segment(const Config& cfg, const SegmentCommand& opts) {
  const cv::Mat image = read_image(opts.image);
  const Segmenter segmenter(models_dir(cfg), session_options(cfg));
  const SegmentationResult result = segmenter.segment(image);
  write_image(opts.mask_out, result.mask);
  if (!opts.cutout_out.empty()) write_image(opts.cutout_out, result.cutout);
  const double share = cv::countNonZero(result.mask >= 128) / double(result.mask.total());
  spdlog::info("person covers {:.1f}% of {}; mask written to {}", 100.0 * share, opts.image,
               opts.mask_out);
  return 0;
}

}  // namespace am

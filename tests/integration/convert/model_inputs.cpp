#include "model_inputs.hpp"

#include <cmath>
#include <stdexcept>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace am::test {

Tensor pattern_input(const std::vector<int64_t>& nhwc, ValueRange range) {
  Tensor t{nhwc, {}};
  for (int64_t n = 0; n < nhwc[0]; ++n)
    for (int64_t y = 0; y < nhwc[1]; ++y)
      for (int64_t x = 0; x < nhwc[2]; ++x)
        for (int64_t c = 0; c < nhwc[3]; ++c) {
          const double wave = std::sin(0.13 * x + 0.07 * y * (c + 1) + 0.5 * c + n) *
                              std::cos(0.05 * (x - y) + 0.3 * n);
          t.data.push_back(range.low +
                           (range.high - range.low) * static_cast<float>(0.5 + 0.5 * wave));
        }
  return t;
}

Tensor photo_input(const std::filesystem::path& photo, const std::vector<int64_t>& nhwc,
                   ValueRange range) {
  const cv::Mat bgr = cv::imread(photo.string(), cv::IMREAD_COLOR);
  if (bgr.empty()) throw std::runtime_error("cannot read test photo " + photo.string());
  if (nhwc.size() != 4 || nhwc[3] != 3)
    throw std::runtime_error("photo input needs an NHWC RGB tensor");
  cv::Mat rgb, resized;
  cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
  cv::resize(rgb, resized, cv::Size(static_cast<int>(nhwc[2]), static_cast<int>(nhwc[1])), 0, 0,
             cv::INTER_AREA);
  Tensor t{nhwc, {}};
  for (int64_t n = 0; n < nhwc[0]; ++n)
    for (int y = 0; y < resized.rows; ++y)
      for (int x = 0; x < resized.cols; ++x)
        for (int c = 0; c < 3; ++c) {
          const float v = resized.at<cv::Vec3b>(y, x)[c] / 255.0f;
          t.data.push_back(range.low + (range.high - range.low) * v);
        }
  return t;
}

}  // namespace am::test

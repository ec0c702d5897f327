#include "faceswap/skin_mask.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include <opencv2/imgproc.hpp>

namespace am {

namespace {

constexpr double kMadToSigma = 1.4826;
constexpr double kMinChromaSigma = 2.0;  // 8-bit Lab units: skin of one colour still varies
constexpr double kMinLightSigma = 6.0;   // shading
constexpr double kHoleSize = 0.02;       // of the region's size: skin-coloured specks in hair
constexpr double kWorkingSide = 160;     // px: larger faces are looked at shrunk to this size

struct ChannelStats {
  double median = 0, sigma = 0;
};

// The median of the 8-bit values whose histogram this is.
double histogram_median(const std::array<int, 256>& histogram, int count) {
  int seen = 0;
  for (int v = 0; v < 256; ++v) {
    seen += histogram[v];
    if (2 * seen >= count) return v;
  }
  return 255;
}

ChannelStats robust_stats(const cv::Mat& channel, const cv::Mat& mask, double min_sigma) {
  std::array<int, 256> values{}, deviations{};
  int count = 0;
  for (int y = 0; y < channel.rows; ++y)
    for (int x = 0; x < channel.cols; ++x)
      if (mask.at<uchar>(y, x)) {
        ++values[channel.at<uchar>(y, x)];
        ++count;
      }
  if (count == 0) return {};
  const double median = histogram_median(values, count);
  for (int v = 0; v < 256; ++v) deviations[static_cast<int>(std::abs(v - median))] += values[v];
  const double mad = histogram_median(deviations, count);
  return {median, std::max(kMadToSigma * mad, min_sigma)};
}

// 255 where the colour is not the skin's.
cv::Mat unlike_the_skin(const cv::Mat& bgr, const cv::Mat& skin) {
  cv::Mat lab;
  cv::cvtColor(bgr, lab, cv::COLOR_BGR2Lab);
  cv::Mat channels[3];
  cv::split(lab, channels);
  const ChannelStats l = robust_stats(channels[0], skin, kMinLightSigma);
  const ChannelStats a = robust_stats(channels[1], skin, kMinChromaSigma);
  const ChannelStats b = robust_stats(channels[2], skin, kMinChromaSigma);
  cv::Mat unlike = cv::Mat::zeros(bgr.size(), CV_8U);
  for (int y = 0; y < bgr.rows; ++y) {
    const cv::Vec3b* row = lab.ptr<cv::Vec3b>(y);
    uchar* out = unlike.ptr<uchar>(y);
    for (int x = 0; x < bgr.cols; ++x) {
      const double dl = (row[x][0] - l.median) / l.sigma;
      const double da = (row[x][1] - a.median) / a.sigma, db = (row[x][2] - b.median) / b.sigma;
      if (da * da + db * db > kChromaSpread * kChromaSpread || std::abs(dl) > kLightSpread)
        out[x] = 255;
    }
  }
  return unlike;
}

// The parts of `candidates` that touch the mask's outermost pixels.
cv::Mat reaching_the_edge(const cv::Mat& candidates, const cv::Mat& mask) {
  cv::Mat inner, labels;
  cv::erode(mask, inner, cv::Mat());
  const cv::Mat edge = mask & ~inner;
  const int count = cv::connectedComponents(candidates, labels, 8, CV_32S);
  std::vector<uchar> touches(static_cast<std::size_t>(count), 0);
  for (int y = 0; y < labels.rows; ++y)
    for (int x = 0; x < labels.cols; ++x)
      if (edge.at<uchar>(y, x)) touches[static_cast<std::size_t>(labels.at<int>(y, x))] = 1;
  touches[0] = 0;
  cv::Mat out = cv::Mat::zeros(mask.size(), CV_8U);
  for (int y = 0; y < labels.rows; ++y)
    for (int x = 0; x < labels.cols; ++x)
      if (touches[static_cast<std::size_t>(labels.at<int>(y, x))]) out.at<uchar>(y, x) = 255;
  return out;
}

// The covering at the images' own size.
cv::Mat covering_at_scale(const cv::Mat& bgr, const cv::Mat& mask, const cv::Mat& looked_at) {
  cv::Mat candidates = unlike_the_skin(bgr, looked_at) & looked_at;
  cv::morphologyEx(candidates, candidates, cv::MORPH_OPEN, cv::Mat());
  const cv::Mat covering = reaching_the_edge(candidates, mask);
  const int hole = std::max(1, cvRound(kHoleSize * std::max(mask.cols, mask.rows)));
  cv::Mat closed;
  cv::morphologyEx(covering, closed, cv::MORPH_CLOSE,
                   cv::getStructuringElement(cv::MORPH_ELLIPSE, {2 * hole + 1, 2 * hole + 1}));
  return closed;
}

cv::Mat shrunk(const cv::Mat& image, cv::Size size, int interpolation) {
  cv::Mat out;
  cv::resize(image, out, size, 0, 0, interpolation);
  return out;
}

}  // namespace

cv::Mat covering_the_skin(const cv::Mat& bgr, const cv::Mat& mask, const cv::Mat& features) {
  const cv::Mat looked_at = mask & ~features;
  if (cv::countNonZero(looked_at) == 0) return cv::Mat::zeros(mask.size(), CV_8U);
  const double scale = std::min(1.0, kWorkingSide / std::max(mask.cols, mask.rows));
  if (scale == 1.0) return covering_at_scale(bgr, mask, looked_at) & looked_at;
  const cv::Size small(std::max(1, cvRound(mask.cols * scale)),
                       std::max(1, cvRound(mask.rows * scale)));
  const cv::Mat covering =
      covering_at_scale(shrunk(bgr, small, cv::INTER_AREA), shrunk(mask, small, cv::INTER_NEAREST),
                        shrunk(looked_at, small, cv::INTER_NEAREST));
  return (shrunk(covering, mask.size(), cv::INTER_LINEAR) > 127) & looked_at;
}

}  // namespace am

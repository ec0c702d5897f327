#include "faceswap/seam_metric.hpp"

#include <opencv2/imgproc.hpp>

namespace am {

namespace {

cv::Mat gradient_magnitude(const cv::Mat& bgr) {
  cv::Mat gray, gx, gy, magnitude;
  cv::cvtColor(bgr, gray, cv::COLOR_BGR2GRAY);
  cv::Sobel(gray, gx, CV_32F, 1, 0);
  cv::Sobel(gray, gy, CV_32F, 0, 1);
  cv::magnitude(gx, gy, magnitude);
  return magnitude;
}

cv::Mat disc(int radius) {
  return cv::getStructuringElement(cv::MORPH_ELLIPSE, {2 * radius + 1, 2 * radius + 1});
}

}  // namespace

SeamMeasure measure_seam(const cv::Mat& bgr, const cv::Mat& mask, int band) {
  cv::Mat grown, shrunk, inside;
  cv::dilate(mask, grown, disc(band));
  cv::erode(mask, shrunk, disc(band));
  cv::erode(mask, inside, disc(2 * band));
  const cv::Mat border = grown & ~shrunk;
  const cv::Mat magnitude = gradient_magnitude(bgr);
  SeamMeasure m;
  m.border_gradient = cv::mean(magnitude, border)[0];
  m.inside_gradient = cv::mean(magnitude, inside)[0];
  m.ratio = m.inside_gradient > 0 ? m.border_gradient / m.inside_gradient : 0;
  return m;
}

}  // namespace am

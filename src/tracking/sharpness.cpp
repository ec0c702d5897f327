#include "tracking/sharpness.hpp"

#include <opencv2/imgproc.hpp>

namespace am::tracking {

double laplacian_variance(const cv::Mat& image, const cv::Rect2f& region, int height) {
  const cv::Rect roi = cv::Rect(region) & cv::Rect(0, 0, image.cols, image.rows);
  if (roi.width < 3 || roi.height < 3) return 0;
  cv::Mat grey;
  if (image.channels() == 3) {
    cv::cvtColor(image(roi), grey, cv::COLOR_BGR2GRAY);
  } else {
    grey = image(roi);
  }
  const double scale = static_cast<double>(height) / roi.height;
  cv::Mat scaled;
  cv::resize(grey, scaled, cv::Size(), scale, scale, scale < 1 ? cv::INTER_AREA : cv::INTER_LINEAR);
  cv::Mat laplacian;
  cv::Laplacian(scaled, laplacian, CV_64F);
  cv::Scalar mean, stddev;
  cv::meanStdDev(laplacian, mean, stddev);
  return stddev[0] * stddev[0];
}

}  // namespace am::tracking

#include "faceswap/blend.hpp"

#include <opencv2/imgproc.hpp>
#include <opencv2/photo.hpp>

namespace am {

namespace {

std::vector<cv::Point> pixel_polygon(std::span<const cv::Point2f> points) {
  std::vector<cv::Point> polygon;
  polygon.reserve(points.size());
  for (const cv::Point2f& p : points) polygon.emplace_back(cvRound(p.x), cvRound(p.y));
  return polygon;
}

}  // namespace

cv::Mat face_blend_mask(cv::Size size, std::span<const cv::Point2f> outline,
                        const std::vector<std::vector<cv::Point2f>>& holes) {
  cv::Mat mask = cv::Mat::zeros(size, CV_8U);
  cv::fillPoly(mask, std::vector{pixel_polygon(outline)}, cv::Scalar(255), cv::LINE_8);
  for (const auto& hole : holes)
    cv::fillPoly(mask, std::vector{pixel_polygon(hole)}, cv::Scalar(0), cv::LINE_8);
  return mask;
}

cv::Mat feathered_alpha(const cv::Mat& mask, float feather) {
  cv::Mat distance;
  cv::distanceTransform(mask, distance, cv::DIST_L2, cv::DIST_MASK_3);
  cv::Mat alpha;
  distance.convertTo(alpha, CV_32F, 1.0 / std::max(feather, 1.0f));
  cv::min(alpha, 1.0, alpha);
  return alpha;
}

cv::Mat kept_alpha(const cv::Mat& kept, float feather) {
  cv::Mat distance;
  cv::distanceTransform(~kept, distance, cv::DIST_L2, cv::DIST_MASK_3);
  cv::Mat alpha;
  distance.convertTo(alpha, CV_32F, -1.0 / std::max(feather, 1.0f), 1.0);
  cv::max(alpha, 0.0, alpha);
  return alpha;
}

void blend_feathered(cv::Mat& target, const cv::Mat& patch, const cv::Mat& alpha) {
  for (int y = 0; y < target.rows; ++y) {
    cv::Vec3b* t = target.ptr<cv::Vec3b>(y);
    const cv::Vec3b* p = patch.ptr<cv::Vec3b>(y);
    const float* a = alpha.ptr<float>(y);
    for (int x = 0; x < target.cols; ++x) {
      if (a[x] <= 0) continue;
      for (int c = 0; c < 3; ++c)
        t[x][c] = cv::saturate_cast<uchar>(a[x] * p[x][c] + (1 - a[x]) * t[x][c]);
    }
  }
}

void blend_seamless(cv::Mat& target, const cv::Mat& patch, const cv::Mat& mask) {
  cv::Mat inner = mask.clone();
  cv::rectangle(inner, {0, 0, inner.cols, inner.rows}, cv::Scalar(0), 1);
  const cv::Rect box = cv::boundingRect(inner);
  if (box.empty()) return;
  const cv::Point center(box.x + box.width / 2, box.y + box.height / 2);
  cv::Mat blended;
  cv::seamlessClone(patch, target, inner, center, blended, cv::NORMAL_CLONE);
  blended.copyTo(target);
}

}  // namespace am

#include "faceswap/blink.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include <opencv2/imgproc.hpp>

#include "perception/face/face_mesh_topology.hpp"

namespace am {

namespace {

double median(std::deque<double> values) {
  const auto middle = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
  std::nth_element(values.begin(), middle, values.end());
  return *middle;
}

// Whether one eye is closed against its recent openings; adds `now` to them.
bool closed_now(std::deque<double>& recent, double now, const BlinkParams& params) {
  const bool closed =
      recent.size() >= params.min_history && now < params.closed_fraction * median(recent);
  recent.push_back(now);
  if (recent.size() > params.history) recent.pop_front();
  return closed;
}

template <std::size_t N>
std::vector<cv::Point> contour(std::span<const cv::Point2f> points, const std::array<int, N>& eye) {
  std::vector<cv::Point> out;
  out.reserve(N);
  for (const int i : eye) out.emplace_back(cvRound(points[i].x), cvRound(points[i].y));
  return out;
}

}  // namespace

std::array<bool, 2> closed_eyes(UsualEyes& usual, const Expression& now, double yaw_degrees,
                                const BlinkParams& params) {
  if (std::abs(yaw_degrees) > params.max_yaw) return {false, false};
  return {closed_now(usual.left, now.left_eye, params),
          closed_now(usual.right, now.right_eye, params)};
}

cv::Mat closed_eye_mask(std::span<const cv::Point2f> points, const std::array<bool, 2>& closed,
                        cv::Size size, const BlinkParams& params) {
  cv::Mat mask = cv::Mat::zeros(size, CV_8U);
  if (closed[0]) cv::fillPoly(mask, std::vector{contour(points, kMeshLeftEye)}, 255);
  if (closed[1]) cv::fillPoly(mask, std::vector{contour(points, kMeshRightEye)}, 255);
  const cv::Rect face = cv::boundingRect(std::vector<cv::Point2f>(points.begin(), points.end()));
  const int grow = cvRound(params.grow * static_cast<float>(std::max(face.width, face.height)));
  if (grow > 0 && (closed[0] || closed[1]))
    cv::dilate(mask, mask,
               cv::getStructuringElement(cv::MORPH_ELLIPSE, {2 * grow + 1, 2 * grow + 1}));
  return mask;
}

}  // namespace am

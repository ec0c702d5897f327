#include "perception/face/face_geometry.hpp"

#include <algorithm>

#include <opencv2/core.hpp>

#include "core/error.hpp"

namespace am {

namespace {

// Moves [start, start + length) inside [0, limit) when it fits; clips it when it does not.
void fit_interval(float& start, float& length, float limit) {
  if (length >= limit) {
    start = 0;
    length = limit;
    return;
  }
  start = std::clamp(start, 0.0f, limit - length);
}

cv::Point2f mean_of(std::span<const cv::Point2f> points, std::initializer_list<int> indices) {
  cv::Point2f sum(0, 0);
  for (int i : indices) sum += points[static_cast<std::size_t>(i)];
  return sum / static_cast<float>(indices.size());
}

}  // namespace

cv::Rect2f square_face_crop(const cv::Rect2f& face_box, cv::Size image, float scale) {
  const float side = scale * std::max(face_box.width, face_box.height);
  const cv::Point2f centre = (face_box.tl() + face_box.br()) * 0.5f;
  float x = centre.x - side / 2, y = centre.y - side / 2, width = side, height = side;
  fit_interval(x, width, static_cast<float>(image.width));
  fit_interval(y, height, static_cast<float>(image.height));
  return {x, y, width, height};
}

FivePoints five_points_from_68(std::span<const cv::Point2f> points) {
  if (points.size() != kFaceLandmarkCount) {
    throw Error("five_points_from_68: expected 68 face landmarks, got " +
                std::to_string(points.size()) + "; this is a bug, please report it");
  }
  return {mean_of(points, {36, 37, 38, 39, 40, 41}), mean_of(points, {42, 43, 44, 45, 46, 47}),
          points[30], mean_of(points, {48, 60}), mean_of(points, {54, 64})};
}

const FivePoints& arcface_template() {
  static const FivePoints points = {
      cv::Point2f(38.2946f, 51.6963f), cv::Point2f(73.5318f, 51.5014f),
      cv::Point2f(56.0252f, 71.7366f), cv::Point2f(41.5493f, 92.3655f),
      cv::Point2f(70.7299f, 92.2041f)};
  return points;
}

// T = [a -b tx; b a ty]; each point pair gives two linear equations in (a, b, tx, ty).
cv::Matx23d similarity_transform(const FivePoints& from, const FivePoints& to) {
  cv::Mat_<double> lhs(2 * static_cast<int>(from.size()), 4), rhs(lhs.rows, 1);
  for (std::size_t i = 0; i < from.size(); ++i) {
    const int r = 2 * static_cast<int>(i);
    const double x = from[i].x, y = from[i].y;
    lhs(r, 0) = x, lhs(r, 1) = -y, lhs(r, 2) = 1, lhs(r, 3) = 0, rhs(r) = to[i].x;
    lhs(r + 1, 0) = y, lhs(r + 1, 1) = x, lhs(r + 1, 2) = 0, lhs(r + 1, 3) = 1,
               rhs(r + 1) = to[i].y;
  }
  cv::Mat_<double> p;
  cv::solve(lhs, rhs, p, cv::DECOMP_SVD);
  return {p(0), -p(1), p(2), p(1), p(0), p(3)};
}

}  // namespace am

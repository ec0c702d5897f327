#include "faceswap/expression_metric.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

namespace am {

namespace {

using Pairs = std::array<std::pair<int, int>, 5>;

// Upper and lower points facing each other across the opening (mesh indices).
constexpr Pairs kInnerLipPairs{{{81, 178}, {82, 87}, {13, 14}, {312, 317}, {311, 402}}};
constexpr Pairs kRightEyelidPairs{{{161, 163}, {160, 144}, {159, 145}, {158, 153}, {157, 154}}};
constexpr Pairs kLeftEyelidPairs{{{388, 390}, {387, 373}, {386, 374}, {385, 380}, {384, 381}}};

double distance(cv::Point2f a, cv::Point2f b) { return std::hypot(a.x - b.x, a.y - b.y); }

double opening(std::span<const cv::Point2f> points, const Pairs& pairs, int corner_a,
               int corner_b) {
  double gap = 0;
  for (const auto& [upper, lower] : pairs) gap += distance(points[upper], points[lower]);
  const double width = distance(points[corner_a], points[corner_b]);
  return width > 1e-6 ? gap / static_cast<double>(pairs.size()) / width : 0;
}

}  // namespace

Expression expression_of(std::span<const cv::Point2f> points) {
  return {opening(points, kInnerLipPairs, 78, 308), opening(points, kLeftEyelidPairs, 263, 362),
          opening(points, kRightEyelidPairs, 33, 133)};
}

double opening_error(double measured, double reference, double floor) {
  return std::abs(measured - reference) / std::max(reference, floor);
}

double expression_error(const Expression& measured, const Expression& reference) {
  return std::max({opening_error(measured.mouth, reference.mouth),
                   opening_error(measured.left_eye, reference.left_eye),
                   opening_error(measured.right_eye, reference.right_eye)});
}

double head_yaw_degrees(std::span<const cv::Point2f> points, std::span<const float> depth) {
  constexpr int kRightCheek = 234, kLeftCheek = 454;
  const double across = points[kLeftCheek].x - points[kRightCheek].x;
  const double deep = depth[kLeftCheek] - depth[kRightCheek];
  return std::atan2(deep, across) * 180.0 / CV_PI;
}

}  // namespace am

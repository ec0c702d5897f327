#include "perception/pose/pose_drawing.hpp"

#include <string>

#include <opencv2/imgproc.hpp>

namespace am {

const std::array<std::pair<int, int>, 35> kPoseConnections{{
    {0, 1},   {1, 2},   {2, 3},   {3, 7},   {0, 4},   {4, 5},   {5, 6},   {6, 8},   {9, 10},
    {11, 12}, {11, 13}, {13, 15}, {15, 17}, {15, 19}, {15, 21}, {17, 19}, {12, 14}, {14, 16},
    {16, 18}, {16, 20}, {16, 22}, {18, 20}, {11, 23}, {12, 24}, {23, 24}, {23, 25}, {24, 26},
    {25, 27}, {26, 28}, {27, 29}, {28, 30}, {29, 31}, {30, 32}, {27, 31}, {28, 32},
}};

namespace {

cv::Scalar person_colour(int id) {
  static const std::array<cv::Scalar, 6> colours{cv::Scalar(0, 255, 0),   cv::Scalar(255, 128, 0),
                                                 cv::Scalar(0, 128, 255), cv::Scalar(255, 0, 255),
                                                 cv::Scalar(0, 255, 255), cv::Scalar(255, 255, 0)};
  return colours[static_cast<std::size_t>(id) % colours.size()];
}

}  // namespace

void draw_pose(cv::Mat& bgr, const std::vector<PoseObservation>& persons, float min_visibility) {
  const int thickness = std::max(1, std::min(bgr.cols, bgr.rows) / 300);
  for (const PoseObservation& p : persons) {
    const cv::Scalar colour = person_colour(p.id);
    auto shown = [&](int i) { return p.landmarks[i].visibility >= min_visibility; };
    auto at = [&](int i) { return cv::Point2f(p.landmarks[i].x, p.landmarks[i].y); };
    for (const auto& [a, b] : kPoseConnections) {
      if (shown(a) && shown(b)) cv::line(bgr, at(a), at(b), colour, thickness, cv::LINE_AA);
    }
    for (int i = 0; i < kLandmarkCount; ++i) {
      if (shown(i)) cv::circle(bgr, at(i), thickness + 2, cv::Scalar(0, 0, 255), -1, cv::LINE_AA);
    }
    cv::putText(bgr, std::to_string(p.id), p.box.tl() + cv::Point2f(0, -4),
                cv::FONT_HERSHEY_SIMPLEX, 0.5 * thickness + 0.3, colour, thickness);
  }
}

}  // namespace am

#include "avatar/head_colours.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include <opencv2/imgproc.hpp>

#include "avatar/landmarks.hpp"
#include "core/error.hpp"

namespace am::avatar {
namespace {

constexpr int kOutlinePoints = 36;
constexpr double kFaceInsetFraction = 0.08;   // of the face height: cheeks, not the jaw line
constexpr double kFaceOutsetFraction = 0.04;  // of the face height: hair, not the face's edge
constexpr int kTrustedInsetPx = 2;            // soft mask edges mix in the background
constexpr double kCrownFraction = 0.1;        // least crown crown height, of the face height

cv::Mat ellipse_kernel(int radius) {
  const int r = std::max(1, radius);
  return cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(2 * r + 1, 2 * r + 1));
}

cv::Mat polygon_mask(cv::Size size, const std::vector<cv::Point2f>& outline) {
  std::vector<cv::Point> points;
  points.reserve(outline.size());
  for (const cv::Point2f& p : outline) points.emplace_back(cvRound(p.x), cvRound(p.y));
  cv::Mat out = cv::Mat::zeros(size, CV_8UC1);
  cv::fillPoly(out, std::vector<std::vector<cv::Point>>{points}, 255);
  return out;
}

cv::Mat rows_and_columns(cv::Size size, int y0, int y1, int x0, int x1) {
  cv::Mat out = cv::Mat::zeros(size, CV_8UC1);
  const cv::Rect box = cv::Rect(x0, y0, x1 - x0, y1 - y0) & cv::Rect(0, 0, size.width, size.height);
  if (!box.empty()) out(box).setTo(255);
  return out;
}

cv::Vec3f to_lab(const cv::Scalar& bgr) {
  cv::Mat pixel(1, 1, CV_32FC3, cv::Scalar(bgr[0] / 255.0, bgr[1] / 255.0, bgr[2] / 255.0));
  cv::cvtColor(pixel, pixel, cv::COLOR_BGR2Lab);
  return pixel.at<cv::Vec3f>(0, 0);
}

}  // namespace

std::vector<cv::Point2f> estimate_face_outline(const PoseLandmarks& l) {
  using namespace lm;
  const Eigen::Vector2f eyes = pixel_mid(l, kLeftEye, kRightEye);
  const Eigen::Vector2f mouth = pixel_mid(l, kMouthLeft, kMouthRight);
  const Eigen::Vector2f down = mouth - eyes;
  const float eye_to_mouth = std::max(down.norm(), 1.0f);
  const Eigen::Vector2f unit_down = down / eye_to_mouth;
  const Eigen::Vector2f unit_side(-unit_down.y(), unit_down.x());
  const Eigen::Vector2f centre = eyes + 0.45f * eye_to_mouth * unit_down;
  const float half_height = 1.45f * eye_to_mouth;
  const float half_width =
      std::max(0.5f * (pixel(l, kLeftEar) - pixel(l, kRightEar)).norm(), 0.6f * eye_to_mouth);
  std::vector<cv::Point2f> outline;
  for (int i = 0; i < kOutlinePoints; ++i) {
    const float a = 2.0f * std::numbers::pi_v<float> * static_cast<float>(i) / kOutlinePoints;
    const Eigen::Vector2f p =
        centre + half_width * std::cos(a) * unit_side + half_height * std::sin(a) * unit_down;
    outline.emplace_back(p.x(), p.y());
  }
  return outline;
}

cv::Scalar median_colour(const cv::Mat& bgr, const cv::Mat& region) {
  std::array<std::vector<uint8_t>, 3> channels;
  for (int y = 0; y < bgr.rows; ++y)
    for (int x = 0; x < bgr.cols; ++x)
      if (region.at<uint8_t>(y, x))
        for (int c = 0; c < 3; ++c) channels[c].push_back(bgr.at<cv::Vec3b>(y, x)[c]);
  cv::Scalar out(0, 0, 0);
  for (int c = 0; c < 3; ++c) {
    auto& v = channels[c];
    if (v.empty()) return out;
    std::nth_element(v.begin(), v.begin() + static_cast<long>(v.size() / 2), v.end());
    out[c] = v[v.size() / 2];
  }
  return out;
}

double colour_distance(const cv::Scalar& bgr_a, const cv::Scalar& bgr_b) {
  return cv::norm(to_lab(bgr_a) - to_lab(bgr_b));
}

bool face_visible(const cv::Mat& mask, const std::vector<cv::Point2f>& face_outline) {
  return face_outline.size() >= 3 &&
         cv::countNonZero(polygon_mask(mask.size(), face_outline) & mask) > 0;
}

HeadColours measure_head_colours(const cv::Mat& front_bgr, const cv::Mat& mask,
                                 const std::vector<cv::Point2f>& face_outline) {
  if (face_outline.size() < 3)
    throw Error("avatar: the face outline needs at least 3 points; pass the face mesh's oval");
  const cv::Mat face = polygon_mask(mask.size(), face_outline);
  const cv::Rect box = cv::boundingRect(face_outline);
  cv::Mat trusted, inner, outer;
  cv::erode(mask, trusted, ellipse_kernel(kTrustedInsetPx));
  cv::erode(face & mask, inner, ellipse_kernel(cvRound(kFaceInsetFraction * box.height)));
  if (cv::countNonZero(inner) == 0) inner = face & mask;
  if (cv::countNonZero(inner) == 0)
    throw Error("avatar: the face outline lies outside the person; check the face landmarks");
  cv::dilate(face, outer, ellipse_kernel(cvRound(kFaceOutsetFraction * box.height)));
  const cv::Mat not_face = trusted & ~outer;

  HeadColours out;
  out.skin = median_colour(front_bgr, inner);
  out.hair = out.skin;
  const int x0 = box.x + box.width / 5, x1 = box.x + 4 * box.width / 5;
  const int head_top = cv::boundingRect(mask.colRange(std::max(0, x0), std::min(mask.cols, x1))).y;
  const int crown_bottom =
      std::max(head_top + cvRound(kCrownFraction * box.height), (head_top + box.y) / 2);
  const cv::Mat crown = not_face & rows_and_columns(mask.size(), head_top, crown_bottom, x0, x1);
  if (cv::countNonZero(crown) == 0) return out;
  out.hair_skin_distance = colour_distance(median_colour(front_bgr, crown), out.skin);
  out.has_hair = out.hair_skin_distance > kHairSkinDistance;
  if (out.has_hair) out.hair = median_colour(front_bgr, crown);
  return out;
}

}  // namespace am::avatar

// A synthetic person for avatar tests and benchmarks: a front-facing figure in an A-pose
// drawn with thick limbs, an elliptic head and a torso polygon on a pure green background,
// with a soft (blurred) mask, its 33 image landmarks and world landmarks consistent with
// them (metres, MediaPipe world frame: x right, y down, z away from the camera, origin
// between the hips). Header-only so the benchmark can use it too.
#pragma once

#include <opencv2/imgproc.hpp>

#include "avatar/types.hpp"

namespace am::test {

struct SyntheticPerson {
  avatar::PersonView view;
  float metres_per_pixel = 0;  // true scale
  cv::Scalar background{0, 255, 0};
};

namespace synthetic_detail {

// Pixel positions on a 512 x 512 canvas, person's left = image right.
inline const std::array<cv::Point2f, 33> kLandmarks512 = {{
    {256, 70},  {251, 60},  {248, 60},  {245, 60},  {261, 60},  {264, 60},  {267, 60},
    {276, 68},  {236, 68},  {262, 84},  {250, 84},  {306, 120}, {206, 120}, {350, 195},
    {162, 195}, {385, 265}, {127, 265}, {396, 280}, {116, 280}, {390, 285}, {122, 285},
    {382, 279}, {130, 279}, {283, 270}, {229, 270}, {293, 370}, {219, 370}, {298, 455},
    {214, 455}, {298, 468}, {214, 468}, {305, 476}, {207, 476},
}};

// Diameters in metres (adult, ANSUR-like) drawn with the true scale.
struct Widths {
  float upper_arm = 0.095f, forearm = 0.08f, thigh = 0.16f, shin = 0.11f, neck = 0.11f;
};

}  // namespace synthetic_detail

// size: canvas side in pixels (the figure scales with it).
inline SyntheticPerson make_synthetic_person(int size = 512) {
  using namespace synthetic_detail;
  const float k = static_cast<float>(size) / 512.0f;
  SyntheticPerson p;
  p.metres_per_pixel = 1.70f / (450.0f * k);
  const auto at = [&](int i) { return kLandmarks512[i] * k; };
  const auto px = [&](float metres) {
    return std::max(1, static_cast<int>(metres / p.metres_per_pixel));
  };

  cv::Mat mask = cv::Mat::zeros(size, size, CV_8UC1);
  cv::Mat colour(size, size, CV_8UC3, cv::Scalar(60, 60, 190));  // shirt
  const Widths w;
  const auto limb = [&](int a, int b, float width, cv::Scalar c) {
    cv::line(mask, at(a), at(b), 255, px(width), cv::LINE_AA);
    cv::line(colour, at(a), at(b), c, px(width), cv::LINE_AA);
  };
  const cv::Scalar skin(120, 150, 205), jeans(150, 90, 40), shoe(40, 40, 60);
  const std::vector<cv::Point> torso = {
      at(12) + cv::Point2f(6 * k, -5 * k), at(11) + cv::Point2f(-6 * k, -5 * k),
      at(23) + cv::Point2f(8 * k, 5 * k), at(24) + cv::Point2f(-8 * k, 5 * k)};
  cv::fillConvexPoly(mask, torso, 255, cv::LINE_AA);
  for (int s = 0; s < 2; ++s) {
    limb(23 + s, 25 + s, w.thigh, jeans);
    limb(25 + s, 27 + s, w.shin, jeans);
    limb(11 + s, 13 + s, w.upper_arm, cv::Scalar(60, 60, 190));
    limb(13 + s, 15 + s, w.forearm, skin);
    cv::circle(mask, at(11 + s), px(w.upper_arm / 2) + 2, 255, cv::FILLED, cv::LINE_AA);
    const cv::Point2f hand = 0.5f * (at(17 + s) + at(19 + s));
    cv::ellipse(mask, cv::RotatedRect(hand, cv::Size2f(22 * k, 28 * k), 0), 255, cv::FILLED);
    cv::ellipse(colour, cv::RotatedRect(hand, cv::Size2f(22 * k, 28 * k), 0), skin, cv::FILLED);
    const cv::Point2f foot = 0.5f * (at(29 + s) + at(31 + s));
    cv::ellipse(mask, cv::RotatedRect(foot, cv::Size2f(30 * k, 22 * k), 0), 255, cv::FILLED);
    cv::ellipse(colour, cv::RotatedRect(foot, cv::Size2f(30 * k, 22 * k), 0), shoe, cv::FILLED);
  }
  cv::line(mask, cv::Point2f(256, 120) * k, cv::Point2f(256, 80) * k, 255, px(w.neck));
  cv::line(colour, cv::Point2f(256, 120) * k, cv::Point2f(256, 80) * k, skin, px(w.neck));
  const cv::RotatedRect head(cv::Point2f(256, 62) * k, cv::Size2f(60 * k, 72 * k), 0);
  cv::ellipse(mask, head, 255, cv::FILLED, cv::LINE_AA);
  cv::ellipse(colour, head, skin, cv::FILLED);
  cv::circle(colour, at(2), std::max(1, static_cast<int>(3 * k)), cv::Scalar(40, 30, 20),
             cv::FILLED);
  cv::circle(colour, at(5), std::max(1, static_cast<int>(3 * k)), cv::Scalar(40, 30, 20),
             cv::FILLED);

  // Soft edges: the photo mixes person and background where the mask is fractional.
  cv::Mat soft;
  cv::GaussianBlur(mask, soft, cv::Size(), 1.2 * k);
  cv::Mat alpha, image;
  soft.convertTo(alpha, CV_32F, 1.0 / 255);
  cv::cvtColor(alpha, alpha, cv::COLOR_GRAY2BGR);
  cv::Mat fg, bg(size, size, CV_32FC3, p.background);
  colour.convertTo(fg, CV_32FC3);
  cv::Mat blended = fg.mul(alpha) + bg.mul(cv::Scalar::all(1) - alpha);
  blended.convertTo(image, CV_8UC3);

  p.view.image = image;
  p.view.mask = soft;
  const cv::Point2f hips = 0.5f * (at(23) + at(24));
  for (int i = 0; i < kLandmarkCount; ++i) {
    const cv::Point2f q = at(i);
    p.view.landmarks[i] = {q.x, q.y, 0, 1, 1};
    const float depth = (i <= 10) ? -0.08f : (i >= 31 ? -0.12f : (i >= 29 ? 0.04f : 0.0f));
    p.view.world[i] = {(q.x - hips.x) * p.metres_per_pixel, (q.y - hips.y) * p.metres_per_pixel,
                       depth, 1, 1};
  }
  return p;
}

}  // namespace am::test

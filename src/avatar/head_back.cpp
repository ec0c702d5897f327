#include "avatar/head_back.hpp"

#include <algorithm>

#include <opencv2/imgproc.hpp>

namespace am::avatar {
namespace {

enum class Tone : uint8_t { kOther, kSkin, kHair };

cv::Vec3f lab_of(const cv::Scalar& bgr) {
  cv::Mat pixel(1, 1, CV_32FC3, bgr / 255.0);
  cv::cvtColor(pixel, pixel, cv::COLOR_BGR2Lab);
  return pixel.at<cv::Vec3f>(0, 0);
}

// Each front pixel as skin, hair or neither, by its ΔE to the head colours.
cv::Mat classify_tones(const cv::Mat& front_bgr, const HeadColours& colours) {
  cv::Mat lab;
  front_bgr.convertTo(lab, CV_32FC3, 1.0 / 255.0);
  cv::cvtColor(lab, lab, cv::COLOR_BGR2Lab);
  const cv::Vec3f skin = lab_of(colours.skin), hair = lab_of(colours.hair);
  cv::Mat tones(front_bgr.size(), CV_8UC1, cv::Scalar(static_cast<int>(Tone::kOther)));
  for (int y = 0; y < lab.rows; ++y)
    for (int x = 0; x < lab.cols; ++x) {
      const cv::Vec3f c = lab.at<cv::Vec3f>(y, x);
      const double to_skin = cv::norm(c - skin), to_hair = cv::norm(c - hair);
      if (colours.has_hair && to_hair < kHairSkinDistance && to_hair < to_skin)
        tones.at<uint8_t>(y, x) = static_cast<uint8_t>(Tone::kHair);
      else if (to_skin < kSkinDistance)
        tones.at<uint8_t>(y, x) = static_cast<uint8_t>(Tone::kSkin);
    }
  return tones;
}

// Share of the row's neck pixels whose front has the given tone.
double tone_fraction(const cv::Mat& tones, const cv::Mat& neck_row, Tone tone) {
  const int total = cv::countNonZero(neck_row);
  const int matching = cv::countNonZero(neck_row & (tones == static_cast<int>(tone)));
  return total > 0 ? static_cast<double>(matching) / total : 0.0;
}

}  // namespace

void paint_head_and_neck(cv::Mat& back, const cv::Mat& front_bgr, const cv::Mat& labels, int head,
                         int neck, const HeadColours& colours, const cv::Scalar& collar_colour,
                         const std::vector<cv::Point2f>& face_outline) {
  const auto lowest = std::max_element(face_outline.begin(), face_outline.end(),
                                       [](const auto& a, const auto& b) { return a.y < b.y; });
  const int chin = lowest == face_outline.end() ? -1 : cvRound(lowest->y);
  const cv::Mat neck_pixels = labels == neck;
  const cv::Mat tones = classify_tones(front_bgr, colours);
  back.setTo(colours.hair, labels == head);
  for (int y = 0; y < labels.rows; ++y) {
    const cv::Mat row = neck_pixels.row(y);
    if (cv::countNonZero(row) == 0) continue;
    const cv::Mat tone_row = tones.row(y);
    if (y <= chin || tone_fraction(tone_row, row, Tone::kHair) >= kLongHairFraction)
      back.row(y).setTo(colours.hair, row);
    else if (tone_fraction(tone_row, row, Tone::kSkin) >= kBareNeckFraction)
      back.row(y).setTo(colours.skin, row);
    else
      back.row(y).setTo(collar_colour, row);
  }
}

}  // namespace am::avatar

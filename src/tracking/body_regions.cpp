#include "tracking/body_regions.hpp"

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <vector>

#include <opencv2/imgproc.hpp>

#include "tracking/body_appearance.hpp"

namespace am::tracking {
namespace {

cv::Point2f at(const PoseLandmarks& l, int i) { return {l[i].x, l[i].y}; }

cv::Point2f midpoint(cv::Point2f a, cv::Point2f b) { return (a + b) * 0.5f; }

bool visible(const PoseLandmarks& l, std::initializer_list<int> indices, float min_visibility) {
  return std::all_of(indices.begin(), indices.end(),
                     [&](int i) { return l[i].visibility > min_visibility; });
}

// Torso length in pixels (shoulder centre to hip centre), or 0 when either pair is not visible.
float torso_length(const PoseLandmarks& l, float min_visibility) {
  if (!visible(l, {lm::kLeftShoulder, lm::kRightShoulder, lm::kLeftHip, lm::kRightHip},
               min_visibility))
    return 0;
  return static_cast<float>(cv::norm(midpoint(at(l, lm::kLeftShoulder), at(l, lm::kRightShoulder)) -
                                     midpoint(at(l, lm::kLeftHip), at(l, lm::kRightHip))));
}

void paint_limb(cv::Mat1b& labels, const PoseLandmarks& l, std::initializer_list<int> chain,
                float width, BodyPart part, float min_visibility) {
  const std::vector<int> joints(chain);
  for (std::size_t i = 0; i + 1 < joints.size(); ++i) {
    if (!visible(l, {joints[i], joints[i + 1]}, min_visibility)) return;
    cv::line(labels, at(l, joints[i]), at(l, joints[i + 1]), cv::Scalar(part),
             std::max(1, cvRound(width)), cv::LINE_8);
  }
}

void paint_upper(cv::Mat1b& labels, const PoseLandmarks& l, float torso, float v) {
  const std::vector<cv::Point> quad = {at(l, lm::kLeftShoulder), at(l, lm::kRightShoulder),
                                       at(l, lm::kRightHip), at(l, lm::kLeftHip)};
  cv::fillConvexPoly(labels, quad, cv::Scalar(kUpperPart));
  for (const auto& arm :
       {std::initializer_list<int>{lm::kLeftShoulder, lm::kLeftElbow, lm::kLeftWrist},
        std::initializer_list<int>{lm::kRightShoulder, lm::kRightElbow, lm::kRightWrist}})
    paint_limb(labels, l, arm, 0.22f * torso, kUpperPart, v);
}

void paint_head(cv::Mat1b& labels, const PoseLandmarks& l, float torso, float v) {
  cv::Point2f sum(0, 0);
  int n = 0;
  for (int i = lm::kNose; i <= lm::kMouthRight; ++i)
    if (l[i].visibility > v) sum += at(l, i), ++n;
  if (n < 3) return;
  const float radius = 0.32f * torso;
  const cv::Point2f centre = sum / static_cast<float>(n) - cv::Point2f(0, 0.35f * radius);
  cv::circle(labels, centre, cvRound(radius), cv::Scalar(kHeadPart), cv::FILLED);
}

void paint_shoes(cv::Mat1b& labels, const PoseLandmarks& l, float torso, float v) {
  for (const int i : {lm::kLeftAnkle, lm::kRightAnkle, lm::kLeftHeel, lm::kRightHeel,
                      lm::kLeftFootIndex, lm::kRightFootIndex})
    if (l[i].visibility > v)
      cv::circle(labels, at(l, i), cvRound(0.1f * torso), cv::Scalar(kShoesPart), cv::FILLED);
}

}  // namespace

cv::Mat1b paint_body_parts(cv::Size size, const PoseLandmarks& landmarks, float min_visibility) {
  cv::Mat1b labels(size, kNoPart);
  const float torso = torso_length(landmarks, min_visibility);
  if (torso < 4) return labels;
  for (const auto& leg :
       {std::initializer_list<int>{lm::kLeftHip, lm::kLeftKnee, lm::kLeftAnkle},
        std::initializer_list<int>{lm::kRightHip, lm::kRightKnee, lm::kRightAnkle}})
    paint_limb(labels, landmarks, leg, 0.3f * torso, kLowerPart, min_visibility);
  paint_upper(labels, landmarks, torso, min_visibility);
  paint_shoes(labels, landmarks, torso, min_visibility);
  paint_head(labels, landmarks, torso, min_visibility);
  return labels;
}

}  // namespace am::tracking

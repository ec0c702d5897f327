#include "faceswap/pose_face_parts.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <vector>

#include <opencv2/imgproc.hpp>

namespace am {

namespace {

constexpr std::array<Landmark, 4> kLeftHand = {lm::kLeftWrist, lm::kLeftPinky, lm::kLeftIndex,
                                               lm::kLeftThumb};
constexpr std::array<Landmark, 3> kFaceCentre = {lm::kNose, lm::kLeftEye, lm::kRightEye};

template <std::size_t N>
std::vector<cv::Point2f> seen_points(const PoseLandmarks& pose,
                                     const std::array<Landmark, N>& which, float min_visibility) {
  std::vector<cv::Point2f> points;
  for (const Landmark l : which)
    if (pose[l].visibility >= min_visibility) points.emplace_back(pose[l].x, pose[l].y);
  return points;
}

// One side's hand (0 left, 1 right) as the pose gives it.
std::array<Landmark, 4> hand_landmarks(int s) {
  std::array<Landmark, 4> hand{};
  for (std::size_t i = 0; i < hand.size(); ++i) hand[i] = side(kLeftHand[i], s);
  return hand;
}

float largest_spread(const std::vector<cv::Point2f>& points) {
  float spread = 0;
  for (const cv::Point2f& a : points)
    for (const cv::Point2f& b : points)
      spread = std::max(spread, static_cast<float>(cv::norm(a - b)));
  return spread;
}

// The hull of the points grown by `radius` pixels (a disc swept along it), drawn into the mask.
void draw_grown_hull(cv::Mat& mask, const std::vector<cv::Point2f>& points, float radius) {
  std::vector<cv::Point2f> hull_f;
  cv::convexHull(points, hull_f);
  std::vector<cv::Point> hull;
  hull.reserve(hull_f.size());
  for (const cv::Point2f& p : hull_f) hull.emplace_back(cvRound(p.x), cvRound(p.y));
  cv::fillConvexPoly(mask, hull, cv::Scalar(255));
  const int thickness = std::max(2 * cvRound(radius), 1);
  cv::polylines(mask, std::vector<std::vector<cv::Point>>{hull}, true, cv::Scalar(255), thickness);
}

cv::Point2f centre_of(const std::vector<cv::Point2f>& points) {
  cv::Point2f sum(0, 0);
  for (const cv::Point2f& p : points) sum += p;
  return sum * (1.0f / static_cast<float>(points.size()));
}

}  // namespace

cv::Mat hand_occluder_mask(std::span<const PoseLandmarks> persons, cv::Size image,
                           const HandOccluderOptions& options) {
  cv::Mat mask = cv::Mat::zeros(image, CV_8U);
  for (const PoseLandmarks& pose : persons) {
    for (int s = 0; s < 2; ++s) {
      const std::vector<cv::Point2f> hand =
          seen_points(pose, hand_landmarks(s), options.min_visibility);
      if (hand.size() < 2) continue;
      draw_grown_hull(mask, hand, options.grow * largest_spread(hand));
    }
  }
  return mask;
}

std::optional<std::size_t> face_owner(const cv::Rect2f& face_box,
                                      std::span<const PoseLandmarks> persons,
                                      float min_visibility) {
  const cv::Point2f box_centre(face_box.x + face_box.width / 2, face_box.y + face_box.height / 2);
  std::optional<std::size_t> best;
  std::size_t best_inside = 0;
  float best_distance = std::numeric_limits<float>::max();
  for (std::size_t i = 0; i < persons.size(); ++i) {
    const std::vector<cv::Point2f> face = seen_points(persons[i], kFaceCentre, min_visibility);
    const auto inside = static_cast<std::size_t>(std::count_if(
        face.begin(), face.end(), [&](const cv::Point2f& p) { return face_box.contains(p); }));
    if (inside == 0) continue;
    const float distance = static_cast<float>(cv::norm(centre_of(face) - box_centre));
    if (inside > best_inside || (inside == best_inside && distance < best_distance)) {
      best = i;
      best_inside = inside;
      best_distance = distance;
    }
  }
  return best;
}

}  // namespace am

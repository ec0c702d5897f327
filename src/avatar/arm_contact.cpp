#include "avatar/arm_contact.hpp"

#include <algorithm>
#include <cmath>

#include <Eigen/Eigenvalues>
#include <opencv2/imgproc.hpp>

#include "avatar/landmarks.hpp"

namespace am::avatar {
namespace {

// Body proportions in shoulder widths (image): arm and torso half-widths, and how far below
// the shoulder joint the armpit is at the least.
constexpr float kArmRadius = 0.15f;
constexpr float kTorsoRadius = 0.5f;
constexpr float kArmpit = 0.22f;
constexpr float kLateral = 0.3f;  // a cut runs at least this far out from the torso's axis

float segment_distance(const Eigen::Vector2f& p, const Eigen::Vector2f& a,
                       const Eigen::Vector2f& b) {
  const Eigen::Vector2f ab = b - a;
  const float len2 = ab.squaredNorm();
  const float t = len2 > 1e-6f ? std::clamp((p - a).dot(ab) / len2, 0.0f, 1.0f) : 0.0f;
  return (p - (a + t * ab)).norm();
}

bool inside(const cv::Mat& mask, const Eigen::Vector2f& p) {
  const int x = static_cast<int>(std::lround(p.x())), y = static_cast<int>(std::lround(p.y()));
  return x >= 0 && y >= 0 && x < mask.cols && y < mask.rows && mask.at<uint8_t>(y, x) > 0;
}

int component_count(const cv::Mat& binary_mask) {
  cv::Mat labels;
  return cv::connectedComponents(binary_mask, labels, 8) - 1;
}

// The band of mask pixels where the side's arm capsule and the torso capsule meet.
cv::Mat contact_band(const cv::Mat& mask, const PoseLandmarks& l, int side, float width_px) {
  using namespace lm;
  const Eigen::Vector2f shoulder = pixel(l, kLeftShoulder + side);
  const Eigen::Vector2f elbow = pixel(l, kLeftElbow + side), wrist = pixel(l, kLeftWrist + side);
  const Eigen::Vector2f top = pixel_mid(l, kLeftShoulder, kRightShoulder);
  const Eigen::Vector2f bottom = pixel_mid(l, kLeftHip, kRightHip);
  const float shoulders = (pixel(l, kLeftShoulder) - pixel(l, kRightShoulder)).norm();
  const Eigen::Vector2f axis = (top - bottom).normalized();
  const Eigen::Vector2f outward = (shoulder - top).normalized();
  cv::Mat band = cv::Mat::zeros(mask.size(), CV_8UC1);
  for (int y = 0; y < mask.rows; ++y)
    for (int x = 0; x < mask.cols; ++x) {
      if (mask.at<uint8_t>(y, x) == 0) continue;
      const Eigen::Vector2f p(static_cast<float>(x), static_cast<float>(y));
      if ((p - shoulder).norm() < kArmpit * shoulders) continue;
      const Eigen::Vector2f from_axis = (p - top) - (p - top).dot(axis) * axis;
      if (from_axis.dot(outward) < kLateral * shoulders) continue;
      const float arm =
          std::min(segment_distance(p, shoulder, elbow), segment_distance(p, elbow, wrist)) -
          kArmRadius * shoulders;
      const float torso = segment_distance(p, bottom, top) - kTorsoRadius * shoulders;
      // arm - torso changes by about 2 per pixel across the band.
      if (std::abs(arm - torso) < width_px) band.at<uint8_t>(y, x) = 255;
    }
  return band;
}

}  // namespace

ArmSeparation separate_arms_from_torso(const cv::Mat& binary_mask, const PoseLandmarks& landmarks,
                                       float grid_step_px) {
  ArmSeparation out{binary_mask.clone(), cv::Mat::zeros(binary_mask.size(), CV_8UC1)};
  const int pieces = component_count(binary_mask);
  if (!inside(binary_mask, lm::pixel_mid(landmarks, lm::kLeftHip, lm::kRightHip))) return out;
  for (int side = 0; side < 2; ++side) {
    if (!inside(binary_mask, lm::pixel(landmarks, lm::kLeftElbow + side))) continue;
    const cv::Mat band = contact_band(out.mask, landmarks, side, 1.5f * grid_step_px);
    cv::Mat cut = out.mask.clone();
    cut.setTo(0, band);
    if (component_count(cut) != pieces) continue;
    out.mask = cut;
    out.cuts.setTo(255, band);
  }
  return out;
}

void close_cuts(const cv::Mat& cuts, float grid_step_px, const std::vector<bool>& on_rim,
                std::vector<Eigen::Vector2f>& points) {
  const int reach = static_cast<int>(std::ceil(2.0f * grid_step_px));
  for (size_t i = 0; i < points.size(); ++i) {
    if (!on_rim[i]) continue;
    const cv::Point c(static_cast<int>(std::lround(points[i].x())),
                      static_cast<int>(std::lround(points[i].y())));
    std::vector<Eigen::Vector2f> near;
    bool touching = false;
    for (int y = std::max(0, c.y - reach); y <= std::min(cuts.rows - 1, c.y + reach); ++y)
      for (int x = std::max(0, c.x - reach); x <= std::min(cuts.cols - 1, c.x + reach); ++x) {
        if (cuts.at<uint8_t>(y, x) == 0) continue;
        const Eigen::Vector2f q(static_cast<float>(x), static_cast<float>(y));
        if ((q - points[i]).norm() > static_cast<float>(reach)) continue;
        near.push_back(q);
        touching = touching || (q - points[i]).norm() <= 1.5f;
      }
    if (!touching || near.size() < 3) continue;
    // The cut's centre line near the point: the main axis of the cut pixels around it.
    Eigen::Vector2f centre = Eigen::Vector2f::Zero();
    for (const auto& q : near) centre += q;
    centre /= static_cast<float>(near.size());
    Eigen::Matrix2f scatter = Eigen::Matrix2f::Zero();
    for (const auto& q : near) scatter += (q - centre) * (q - centre).transpose();
    const Eigen::SelfAdjointEigenSolver<Eigen::Matrix2f> axes(scatter);
    const Eigen::Vector2f along = axes.eigenvectors().col(1);
    points[i] = centre + (points[i] - centre).dot(along) * along;
  }
}

}  // namespace am::avatar

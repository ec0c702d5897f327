#include "avatar/image_frame.hpp"

#include <utility>

#include <opencv2/imgproc.hpp>

#include "avatar/landmarks.hpp"
#include "core/error.hpp"

namespace am::avatar {
namespace {

// Segments whose length the pose model estimates well in both frames.
constexpr std::pair<int, int> kScaleSegments[] = {
    {lm::kLeftShoulder, lm::kRightShoulder}, {lm::kLeftHip, lm::kRightHip},
    {lm::kLeftShoulder, lm::kLeftHip},       {lm::kRightShoulder, lm::kRightHip},
    {lm::kLeftShoulder, lm::kLeftElbow},     {lm::kRightShoulder, lm::kRightElbow},
    {lm::kLeftElbow, lm::kLeftWrist},        {lm::kRightElbow, lm::kRightWrist},
    {lm::kLeftHip, lm::kLeftKnee},           {lm::kRightHip, lm::kRightKnee},
    {lm::kLeftKnee, lm::kLeftAnkle},         {lm::kRightKnee, lm::kRightAnkle}};

constexpr float kMinVisibility = 0.5f;

Eigen::Vector2f world_xy(const PoseLandmarks& w, int i) { return {w[i].x, w[i].y}; }

}  // namespace

float estimate_metres_per_pixel(const PoseLandmarks& landmarks, const PoseLandmarks& world) {
  // Orthographic camera: compare lengths projected onto the image plane (world x, y).
  float metres = 0, pixels = 0;
  for (auto [i, j] : kScaleSegments) {
    if (landmarks[i].visibility < kMinVisibility || landmarks[j].visibility < kMinVisibility)
      continue;
    metres += (world_xy(world, i) - world_xy(world, j)).norm();
    pixels += (lm::pixel(landmarks, i) - lm::pixel(landmarks, j)).norm();
  }
  if (pixels < 1.0f || metres <= 0.0f)
    throw Error(
        "avatar: no visible shoulder, hip or limb landmarks to measure the person's scale; "
        "use a photo that shows the whole body");
  return metres / pixels;
}

ImageToModel estimate_image_to_model(const PoseLandmarks& landmarks, const PoseLandmarks& world,
                                     const cv::Mat& binary_mask) {
  const cv::Rect box = cv::boundingRect(binary_mask);
  if (box.area() == 0) throw Error("avatar: the person mask is empty; check the segmentation");
  ImageToModel f;
  f.metres_per_pixel = estimate_metres_per_pixel(landmarks, world);
  f.hip_px = lm::pixel_mid(landmarks, lm::kLeftHip, lm::kRightHip);
  const float sole_row = static_cast<float>(box.y + box.height) - 0.5f;
  f.hip_height = (sole_row - f.hip_px.y()) * f.metres_per_pixel;
  return f;
}

}  // namespace am::avatar

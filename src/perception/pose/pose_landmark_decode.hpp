// Decoding of the BlazePose landmark model's outputs for one ROI, as MediaPipe's
// tensors_to_pose_landmarks_and_segmentation and pose_landmark_by_roi graphs do it.
// decode_crop_landmarks(): 39 x (x, y, z, visibility logit, presence logit) in crop pixels ->
// 39 landmarks normalized to the crop (x, y in [0, 1], z / crop width), sigmoid visibility and
// presence. refine_with_heatmap(): moves each landmark to the sigmoid-weighted mean of the
// heatmap around it (kernel_size x kernel_size cells) when the heatmap's peak there reaches
// min_confidence. project_to_image(): crop-normalized -> image pixels (z scaled like x).
// decode_world_landmarks(): 39 x (x, y, z) metres -> the first 33, turned by the ROI rotation.
// The first 33 landmarks are the body; 33 is the hip centre and 34 the scale point used for the
// next frame's ROI (roi_from_landmarks()).
#pragma once

#include <span>
#include <vector>

#include <opencv2/core/types.hpp>

#include "perception/pose/pose_types.hpp"

namespace am {

inline constexpr int kPoseModelLandmarks = 39;

std::vector<PoseLandmark> decode_crop_landmarks(std::span<const float> raw, int crop_size);

struct HeatmapView {
  std::span<const float> data;  // height x width x channels, row-major
  int height = 0, width = 0, channels = 0;
};

void refine_with_heatmap(std::vector<PoseLandmark>& crop_landmarks, const HeatmapView& heatmap,
                         int kernel_size = 7, float min_confidence = 0.5f);

std::vector<PoseLandmark> project_to_image(const std::vector<PoseLandmark>& crop_landmarks,
                                           const RotatedRoi& roi);

PoseLandmarks decode_world_landmarks(std::span<const float> raw, float rotation);

// The next frame's ROI from the projected auxiliary landmarks 33 (hip centre) and 34 (scale).
RotatedRoi roi_from_landmarks(const std::vector<PoseLandmark>& image_landmarks);

// Bounding box of the first 33 landmarks, clipped to the image.
cv::Rect2f landmarks_box(const std::vector<PoseLandmark>& image_landmarks, cv::Size image);

}  // namespace am

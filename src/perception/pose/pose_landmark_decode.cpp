#include "perception/pose/pose_landmark_decode.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/error.hpp"
#include "perception/common/rotated_roi.hpp"

namespace am {

namespace {

float sigmoid(float x) { return 1.0f / (1.0f + std::exp(-x)); }

void check_size(std::span<const float> raw, std::size_t expected, const char* what) {
  if (raw.size() < expected) {
    throw InferError(std::string("pose landmark model: ") + what + " output has " +
                     std::to_string(raw.size()) + " values, expected " + std::to_string(expected) +
                     "; re-run `avatar-mirror models fetch` to reconvert the model");
  }
}

}  // namespace

std::vector<PoseLandmark> decode_crop_landmarks(std::span<const float> raw, int crop_size) {
  check_size(raw, kPoseModelLandmarks * 5, "landmark");
  const float size = static_cast<float>(crop_size);
  std::vector<PoseLandmark> out(kPoseModelLandmarks);
  for (int i = 0; i < kPoseModelLandmarks; ++i) {
    const float* v = &raw[5 * i];
    out[i] = {v[0] / size, v[1] / size, v[2] / size, sigmoid(v[3]), sigmoid(v[4])};
  }
  return out;
}

void refine_with_heatmap(std::vector<PoseLandmark>& lms, const HeatmapView& hm, int kernel_size,
                         float min_confidence) {
  const int offset = (kernel_size - 1) / 2;
  const int count = std::min<int>(static_cast<int>(lms.size()), hm.channels);
  for (int i = 0; i < count; ++i) {
    const int col = static_cast<int>(lms[i].x * hm.width);
    const int row = static_cast<int>(lms[i].y * hm.height);
    // MediaPipe skips only points left, right or above the heatmap (its bottom check tests the
    // column); below the heatmap the shrunken kernel simply finds fewer or no cells.
    if (col < 0 || col >= hm.width || row < 0) continue;
    float sum = 0, wcol = 0, wrow = 0, peak = 0;
    for (int r = std::max(0, row - offset); r < std::min(hm.height, row + offset + 1); ++r) {
      for (int c = std::max(0, col - offset); c < std::min(hm.width, col + offset + 1); ++c) {
        const float conf =
            sigmoid(hm.data[(static_cast<std::size_t>(r) * hm.width + c) * hm.channels + i]);
        sum += conf;
        peak = std::max(peak, conf);
        wcol += c * conf;
        wrow += r * conf;
      }
    }
    if (peak >= min_confidence && sum > 0) {
      lms[i].x = wcol / hm.width / sum;
      lms[i].y = wrow / hm.height / sum;
    }
  }
}

std::vector<PoseLandmark> project_to_image(const std::vector<PoseLandmark>& crop_landmarks,
                                           const RotatedRoi& roi) {
  std::vector<PoseLandmark> out;
  out.reserve(crop_landmarks.size());
  for (const PoseLandmark& l : crop_landmarks) {
    const cv::Point2f p = roi_to_image(roi, {l.x, l.y});
    out.push_back({p.x, p.y, l.z * roi.width, l.visibility, l.presence});
  }
  return out;
}

PoseLandmarks decode_world_landmarks(std::span<const float> raw, float rotation) {
  check_size(raw, kLandmarkCount * 3, "world landmark");
  const float c = std::cos(rotation), s = std::sin(rotation);
  PoseLandmarks out{};
  for (int i = 0; i < kLandmarkCount; ++i) {
    const float* v = &raw[3 * i];
    out[i].x = c * v[0] - s * v[1];
    out[i].y = s * v[0] + c * v[1];
    out[i].z = v[2];
  }
  return out;
}

RotatedRoi roi_from_landmarks(const std::vector<PoseLandmark>& lms) {
  if (lms.size() < kLandmarkCount + 2) {
    throw Error("roi_from_landmarks: needs the 2 auxiliary landmarks; this is a bug, report it");
  }
  const PoseLandmark& hip = lms[kLandmarkCount];
  const PoseLandmark& top = lms[kLandmarkCount + 1];
  return roi_from_alignment_points({hip.x, hip.y}, {top.x, top.y});
}

cv::Rect2f landmarks_box(const std::vector<PoseLandmark>& lms, cv::Size image) {
  float x0 = 1e30f, y0 = 1e30f, x1 = -1e30f, y1 = -1e30f;
  const std::size_t n = std::min<std::size_t>(lms.size(), kLandmarkCount);
  for (std::size_t i = 0; i < n; ++i) {
    x0 = std::min(x0, lms[i].x), y0 = std::min(y0, lms[i].y);
    x1 = std::max(x1, lms[i].x), y1 = std::max(y1, lms[i].y);
  }
  if (n == 0) return {};
  const cv::Rect2f bounds(0, 0, static_cast<float>(image.width), static_cast<float>(image.height));
  return cv::Rect2f(cv::Point2f(x0, y0), cv::Point2f(x1, y1)) & bounds;
}

}  // namespace am

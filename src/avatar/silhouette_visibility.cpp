#include "avatar/silhouette_visibility.hpp"

#include <cmath>

namespace am::avatar {
namespace {

constexpr float kRimSkipPx = 2.0f;  // rim vertices sit on the silhouette: skip their first pixels

}  // namespace

BoneVisibility silhouette_visibility(const cv::Mat& binary_mask, const ImageToModel& frame) {
  return [mask = binary_mask, frame](const Eigen::Vector3f& vertex, const Eigen::Vector3f& bone) {
    const Eigen::Vector2f a = frame.to_pixel(vertex), b = frame.to_pixel(bone);
    const float length = (b - a).norm();
    for (float s = kRimSkipPx; s < length; s += 1.0f) {
      const Eigen::Vector2f p = a + (s / length) * (b - a);
      const int x = static_cast<int>(std::lround(p.x())), y = static_cast<int>(std::lround(p.y()));
      if (x < 0 || y < 0 || x >= mask.cols || y >= mask.rows || mask.at<uint8_t>(y, x) == 0)
        return false;
    }
    return true;
  };
}

}  // namespace am::avatar

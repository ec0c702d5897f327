#include "builder/person_crop.hpp"

#include <algorithm>
#include <cmath>

#include <opencv2/imgproc.hpp>

#include "core/error.hpp"

namespace am::builder {

PersonCrop choose_person_crop(cv::Size photo, const cv::Rect2f& person_box,
                              const CropOptions& options) {
  const float pad =
      static_cast<float>(options.margin) * std::max(person_box.width, person_box.height);
  const cv::Rect grown(cvFloor(person_box.x - pad), cvFloor(person_box.y - pad),
                       cvCeil(person_box.width + 2 * pad), cvCeil(person_box.height + 2 * pad));
  PersonCrop crop;
  crop.region = grown & cv::Rect(cv::Point(0, 0), photo);
  if (crop.region.area() == 0)
    throw Error("avatar: the person lies outside the photo; use a photo showing the whole person");
  const double height = std::max(1.0f, person_box.height);
  if (height < options.min_person_px) crop.scale = options.min_person_px / height;
  if (height > options.max_person_px) crop.scale = options.max_person_px / height;
  return crop;
}

cv::Mat crop_image(const cv::Mat& photo, const PersonCrop& crop) {
  const cv::Mat region = photo(crop.region);
  if (crop.scale == 1.0) return region.clone();
  cv::Mat out;
  cv::resize(region, out, cv::Size(), crop.scale, crop.scale,
             crop.scale < 1.0 ? cv::INTER_AREA : cv::INTER_CUBIC);
  return out;
}

PoseLandmarks crop_landmarks(const PoseObservation& person, const PersonCrop& crop) {
  PoseLandmarks out = person.landmarks;
  for (PoseLandmark& l : out) {
    // Pixel centres: photo pixel p maps to (p + 0.5) * scale - 0.5 in the resized crop.
    l.x = static_cast<float>((l.x - crop.region.x + 0.5) * crop.scale - 0.5);
    l.y = static_cast<float>((l.y - crop.region.y + 0.5) * crop.scale - 0.5);
    l.z = static_cast<float>(l.z * crop.scale);
  }
  return out;
}

cv::Rect2f landmark_box(const PoseObservation& person) {
  float x0 = 1e30f, y0 = 1e30f, x1 = -1e30f, y1 = -1e30f;
  for (const PoseLandmark& l : person.landmarks) {
    x0 = std::min(x0, l.x), y0 = std::min(y0, l.y);
    x1 = std::max(x1, l.x), y1 = std::max(y1, l.y);
  }
  return {x0, y0, std::max(0.0f, x1 - x0), std::max(0.0f, y1 - y0)};
}

}  // namespace am::builder

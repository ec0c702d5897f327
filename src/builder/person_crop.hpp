// The working view of one person in a photo. Takes the photo size and the person's landmark box
// (pixels); gives the region to cut out (the box grown by a margin so hair, fingers and shoes
// are kept, clipped to the photo) and the scale that brings the person's height into
// [min_person_px, max_person_px]: a person small in a big camera frame is enlarged so the
// segmentation and the mesh get enough resolution, a very large photo is reduced so the build
// stays fast. Also maps the pose landmarks into that view.
#pragma once

#include <opencv2/core/types.hpp>

#include "avatar/types.hpp"
#include "perception/pose/pose_types.hpp"

namespace am::builder {

struct CropOptions {
  double margin = 0.2;       // of the box's longer side, on every side
  int min_person_px = 512;   // the box's height is scaled up to at least this
  int max_person_px = 1024;  // and down to at most this
};

struct PersonCrop {
  cv::Rect region;     // in photo pixels, inside the photo
  double scale = 1.0;  // working pixels per photo pixel
};

PersonCrop choose_person_crop(cv::Size photo, const cv::Rect2f& person_box,
                              const CropOptions& options);

// photo(region) resized by scale (area interpolation down, cubic up).
cv::Mat crop_image(const cv::Mat& photo, const PersonCrop& crop);

// Image landmarks moved into the crop and scaled.
PoseLandmarks crop_landmarks(const PoseObservation& person, const PersonCrop& crop);

// Bounding box of the 33 image landmarks (pixels, not clipped).
cv::Rect2f landmark_box(const PoseObservation& person);

}  // namespace am::builder

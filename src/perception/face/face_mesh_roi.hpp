// The region of interest the face mesh model sees: a rotated square around a face, as MediaPipe's
// face_landmark graph builds it. roi_from_box() makes it from a detector box (upright, enlarged);
// roi_from_points() from the 468 mesh points of the previous frame (their bounding box in the
// face's own rotation, enlarged, rotated so the eyes are level). crop_transform() gives the
// affine map from image pixels into a side x side crop of the ROI. Pure; all in image pixels.
#pragma once

#include <span>

#include <opencv2/core/matx.hpp>
#include <opencv2/core/types.hpp>

namespace am {

struct FaceRoi {
  cv::Point2f center;
  float size = 0;   // side of the square, pixels
  float angle = 0;  // radians; positive turns the face's x axis from image x towards image y
};

inline constexpr float kMeshRoiScale = 1.5f;

// Square on the box centre, side = scale * the box's larger side, no rotation.
FaceRoi roi_from_box(const cv::Rect2f& box, float scale = kMeshRoiScale);

// The second guess for a tall box (a turned or lowered face whose box also holds the chin and
// neck): square on the box's top part, side = scale * min(height, 1.2 x width), no rotation.
FaceRoi roi_from_box_top(const cv::Rect2f& box, float scale = kMeshRoiScale);

// Requires the 468 mesh points. Rotation from the outer eye corners (33 -> 263).
FaceRoi roi_from_points(std::span<const cv::Point2f> mesh, float scale = kMeshRoiScale);

// Maps image pixels into a side x side crop of the ROI (its top-left corner to (0, 0)).
cv::Matx23d crop_transform(const FaceRoi& roi, int side);

// The ROI's axis-aligned bounding box.
cv::Rect2f roi_bounds(const FaceRoi& roi);

}  // namespace am

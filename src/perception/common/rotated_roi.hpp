// Geometry of the regions of interest of MediaPipe's models (BlazePose, BlazeFace). A RotatedRoi
// maps normalized crop coordinates (u, v in [0, 1], (0.5, 0.5) the centre) to image pixels and
// back; the landmark model sees the crop upright. roi_from_alignment_points() follows MediaPipe's
// AlignmentPointsRectsCalculator plus RectTransformationCalculator (square_long, scale): centre at
// the first point, side twice the distance to the second point times `scale`, rotated so the second
// point is straight above the first. letterbox_roi() is the square, unrotated crop that fits the
// whole image (the person detector's letterboxed input). crop_to_image_matrix() is the crop's
// matrix for image_to_tensor() (perception/common/image_to_tensor.hpp), which samples it.
#pragma once

#include <opencv2/core/mat.hpp>
#include <opencv2/core/types.hpp>

namespace am {

// A square crop of the image given by its centre, size in pixels and rotation in radians
// (MediaPipe's convention: positive turns the crop's up-axis clockwise on screen).
struct RotatedRoi {
  cv::Point2f center;
  float width = 0;     // pixels
  float height = 0;    // pixels
  float rotation = 0;  // radians
};

// Wraps an angle to [-pi, pi).
float normalize_radians(float angle);

RotatedRoi roi_from_alignment_points(cv::Point2f center, cv::Point2f scale_point,
                                     float scale = 1.25f);

RotatedRoi letterbox_roi(cv::Size image);

cv::Point2f roi_to_image(const RotatedRoi& roi, cv::Point2f normalized);
cv::Point2f image_to_roi(const RotatedRoi& roi, cv::Point2f pixel);

// 2x3 matrix taking crop pixels (of a size x size crop) to image pixels.
cv::Matx23f crop_to_image_matrix(const RotatedRoi& roi, cv::Size crop);

// The axis-aligned bounding box of the rotated ROI in image pixels.
cv::Rect2f roi_bounds(const RotatedRoi& roi);

}  // namespace am

// Geometry of BlazePose's regions of interest. A RotatedRoi maps normalized crop coordinates
// (u, v in [0, 1], (0.5, 0.5) the centre) to image pixels and back; the landmark model sees the
// crop upright. roi_from_alignment_points() follows MediaPipe's AlignmentPointsRectsCalculator
// plus RectTransformationCalculator (square_long, scale): centre at the first point, side twice
// the distance to the second point times `scale`, rotated so the second point is straight above
// the first. letterbox_roi() is the square, unrotated crop that fits the whole image (the person
// detector's letterboxed input). crop_roi() samples the crop into a size x size image with
// bilinear interpolation, replicating the border (what ImageToTensorCalculator does on the CPU).
#pragma once

#include <opencv2/core/mat.hpp>
#include <opencv2/core/types.hpp>

#include "perception/pose_types.hpp"

namespace am {

// Wraps an angle to [-pi, pi).
float normalize_radians(float angle);

RotatedRoi roi_from_alignment_points(cv::Point2f center, cv::Point2f scale_point,
                                     float scale = 1.25f);

RotatedRoi letterbox_roi(cv::Size image);

cv::Point2f roi_to_image(const RotatedRoi& roi, cv::Point2f normalized);
cv::Point2f image_to_roi(const RotatedRoi& roi, cv::Point2f pixel);

// 2x3 matrix taking crop pixels (of a size x size crop) to image pixels.
cv::Matx23f crop_to_image_matrix(const RotatedRoi& roi, cv::Size crop);

enum class CropBorder { Replicate, Zero };

cv::Mat crop_roi(const cv::Mat& image, const RotatedRoi& roi, cv::Size crop, CropBorder border);

// The axis-aligned bounding box of the rotated ROI in image pixels.
cv::Rect2f roi_bounds(const RotatedRoi& roi);

}  // namespace am

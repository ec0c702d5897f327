// Face geometry without models. The square crop the 68-point landmark model sees around a detected
// face box, the 5 alignment points (eye centres, nose tip, mouth corners) derived from the 68
// (iBUG 300-W order), the 112x112 ArcFace template, and the least-squares similarity transform
// (rotation, uniform scale, translation) that maps 5 face points onto it. All in pixels.
#pragma once

#include <array>
#include <span>

#include <opencv2/core/matx.hpp>
#include <opencv2/core/types.hpp>

namespace am {

// Image-left eye, image-right eye, nose tip, image-left mouth corner, image-right mouth corner.
using FivePoints = std::array<cv::Point2f, 5>;

inline constexpr int kFaceLandmarkCount = 68;
inline constexpr int kAlignedFaceSize = 112;

// A square centred on the box, side = scale * the box's larger side, shifted (not shrunk) to lie
// inside the image where it fits; clipped where it is bigger than the image.
cv::Rect2f square_face_crop(const cv::Rect2f& face_box, cv::Size image, float scale);

// Requires 68 points in iBUG order: eyes are the mean of their 6 contour points, the nose tip is
// point 30, each mouth corner the mean of the outer (48/54) and inner (60/64) corner.
FivePoints five_points_from_68(std::span<const cv::Point2f> points);

// The ArcFace reference points for a 112x112 crop, in FivePoints order.
const FivePoints& arcface_template();

// The similarity transform T (2x3) minimising sum |T(from[i]) - to[i]|^2.
cv::Matx23d similarity_transform(const FivePoints& from, const FivePoints& to);

}  // namespace am

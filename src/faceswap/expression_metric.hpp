// How open a face's mouth and eyes are, from its 468 face-mesh points, and how far one face's
// expression is from another's. mouth: mean gap between the inner lips (5 point pairs across the
// inner-lip contour) over the distance between the inner mouth corners (78, 308); each eye: mean
// gap between the eyelids (5 pairs) over the eye's width (its corners). Scale- and
// position-free: a closed mouth or eye is near 0, a wide-open mouth about 0.5, an open eye about
// 0.3. Used to check that a swapped face keeps the target's expression. Also how far a head is
// turned, from the mesh's depth. Pure.
#pragma once

#include <span>

#include <opencv2/core/types.hpp>

namespace am {

struct Expression {
  double mouth = 0;
  double left_eye = 0;   // the subject's left
  double right_eye = 0;  // the subject's right
};

// Requires 468 points.
Expression expression_of(std::span<const cv::Point2f> points);

// |measured - reference| / max(reference, floor): the relative error of an opening, with a floor
// so that a closed mouth or eye (reference near 0) is not judged on noise.
double opening_error(double measured, double reference, double floor = 0.1);

// The largest opening_error over mouth and both eyes.
double expression_error(const Expression& measured, const Expression& reference);

// The head's yaw in degrees from its 468 points and their depth (FaceMeshResult::depth): the
// angle of the line between the two cheeks (234, 454) out of the image plane; 0 frontal, 90 in
// profile, the sign saying which way.
double head_yaw_degrees(std::span<const cv::Point2f> points, std::span<const float> depth);

}  // namespace am

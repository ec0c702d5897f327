// The face oval of the person being built, for the synthesized back of the head. Takes the
// working view's photo (8-bit BGR), its pose landmarks and the 468-point face mesh model;
// places the mesh's ROI on the face the landmarks show (estimate_face_outline's box), refines
// it once from the mesh's own points and gives the face oval (36 points, image pixels), or an
// empty outline when the model sees no face there (presence below kMinFacePresence).
#pragma once

#include <vector>

#include <opencv2/core/types.hpp>

#include "avatar/types.hpp"
#include "perception/face/face_mesh.hpp"

namespace am::builder {

inline constexpr float kMinFacePresence = 0.5f;

std::vector<cv::Point2f> find_face_outline(const FaceMesh& mesh, const cv::Mat& bgr,
                                           const PoseLandmarks& landmarks);

}  // namespace am::builder

// What one frame shows about who a person is, for the tracker's identity decision: their face as
// a FaceSample (embedding, width, frontality, sharpness) and their body appearance (colours per
// body part inside the pose model's segmentation mask, proportions from the world landmarks).
// Takes the BGR frame and one PoseObservation (its mask used when present); calls the face
// detectors and embedder the caller owns. Shared by `run` and the re-identification pair tool.
#pragma once

#include <optional>

#include "perception/face/blazeface_detector.hpp"
#include "perception/face/face_detector.hpp"
#include "perception/face/face_embedder.hpp"
#include "perception/pose/pose_types.hpp"
#include "tracking/best_faces.hpp"
#include "tracking/body_appearance.hpp"

namespace am {

// The best face found around the person's head (head_region()): by the face detector, else (when
// far_faces is given) by BlazeFace full range; or nothing.
std::optional<tracking::FaceSample> face_sample(const cv::Mat& bgr, const PoseObservation& person,
                                                const FaceDetector& faces,
                                                const FaceEmbedder& embedder,
                                                const BlazeFaceDetector* far_faces = nullptr);

tracking::BodyAppearance body_appearance(const cv::Mat& bgr, const PoseObservation& person);

}  // namespace am

// Small pure functions between the stages' plain structs: a pose observation as the tracker's
// input, where to look for a person's face, and the pose_update entry of one tracked person. No
// state, no I/O.
#pragma once

#include <array>
#include <optional>
#include <vector>

#include "body/bone_rotations.hpp"
#include "perception/face/face_detector.hpp"
#include "perception/pose/pose_types.hpp"
#include "stream/protocol.hpp"
#include "tracking/types.hpp"

namespace am {

// The tracker's input for one observed person (no face yet).
tracking::PersonInput to_person_input(const PoseObservation& person);

// The square around a person's head (landmarks 0-10: nose, eyes, ears, mouth) grown 3x, clipped
// to the image, where the face detector looks for their face: the detector's 320x240 input then
// sees a far-away face large enough. Empty when the head is off the image or too small.
cv::Rect head_region(const PoseObservation& person, cv::Size image);

// The pose_update entry of one person: joints from the world landmarks (MediaPipe frame) with
// their visibility as confidence, and bone rotations when the avatar's bind pose is known.
PersonPose person_pose(int id, const PoseObservation& person, const BindPose* bind,
                       double timestamp_ms);

}  // namespace am

// Pure conversions between the stages' plain structs: a pose observation as the tracker's input,
// world landmarks as the stream's Eigen landmarks, face detections assigned to people, and the
// pose_update entry of one tracked person. No state, no I/O.
#pragma once

#include <array>
#include <optional>
#include <vector>

#include "perception/face_detector.hpp"
#include "perception/pose_types.hpp"
#include "stream/bone_rotations.hpp"
#include "stream/protocol.hpp"
#include "tracking/types.hpp"

namespace am {

tracking::PersonInput to_person_input(const PoseObservation& person);

// Any sequence of 33 points with x, y, z members (perception or avatar landmarks) as the
// stream's Eigen landmarks, unchanged (MediaPipe world frame).
template <typename Points>
Landmarks to_stream_landmarks(const Points& world) {
  Landmarks out{};
  for (size_t i = 0; i < out.size() && i < std::size(world); ++i)
    out[i] = Eigen::Vector3d(world[i].x, world[i].y, world[i].z);
  return out;
}

// For each person, the index of the face whose box holds their nose and is the largest such
// face, or -1. A face goes to one person at most (the one whose nose is nearest its centre).
std::vector<int> assign_faces(const std::vector<PoseObservation>& persons,
                              const std::vector<FaceDetection>& faces);

// The pose_update entry of one person: joints from the world landmarks (MediaPipe frame) with
// their visibility as confidence, and bone rotations when the avatar's bind pose is known.
PersonPose person_pose(int id, const PoseObservation& person, const BindPose* bind,
                       double timestamp_ms);

}  // namespace am

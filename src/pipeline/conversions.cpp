#include "pipeline/conversions.hpp"

#include <algorithm>
#include <limits>

namespace am {

tracking::PersonInput to_person_input(const PoseObservation& person) {
  tracking::PersonInput input;
  input.box = person.box;
  input.score = person.score;
  const size_t n = std::min<size_t>(person.landmarks.size(), tracking::kPoseLandmarkCount);
  for (size_t i = 0; i < n; ++i) {
    const auto& l = person.landmarks[i];
    input.landmarks[i] = {l.x, l.y, l.z, l.visibility, l.presence};
  }
  const size_t m = std::min<size_t>(person.world_landmarks.size(), tracking::kPoseLandmarkCount);
  for (size_t i = 0; i < m; ++i) {
    const auto& w = person.world_landmarks[i];
    input.world[i] = {w.x, w.y, w.z};
  }
  return input;
}

std::vector<int> assign_faces(const std::vector<PoseObservation>& persons,
                              const std::vector<FaceDetection>& faces) {
  std::vector<int> owner_of_face(faces.size(), -1);
  std::vector<float> owner_distance(faces.size(), std::numeric_limits<float>::max());
  for (size_t p = 0; p < persons.size(); ++p) {
    if (persons[p].landmarks.empty()) continue;
    const cv::Point2f nose(persons[p].landmarks[0].x, persons[p].landmarks[0].y);
    for (size_t f = 0; f < faces.size(); ++f) {
      if (!faces[f].box.contains(nose)) continue;
      const cv::Point2f centre = (faces[f].box.tl() + faces[f].box.br()) * 0.5f;
      const float distance = static_cast<float>(cv::norm(centre - nose));
      if (distance < owner_distance[f]) {
        owner_distance[f] = distance;
        owner_of_face[f] = static_cast<int>(p);
      }
    }
  }
  std::vector<int> face_of_person(persons.size(), -1);
  for (size_t f = 0; f < faces.size(); ++f) {
    const int p = owner_of_face[f];
    if (p < 0) continue;
    const int current = face_of_person[p];
    if (current < 0 || faces[f].box.area() > faces[current].box.area())
      face_of_person[p] = static_cast<int>(f);
  }
  return face_of_person;
}

PersonPose person_pose(int id, const PoseObservation& person, const BindPose* bind,
                       double timestamp_ms) {
  const Landmarks world = to_stream_landmarks(person.world_landmarks);
  std::array<double, 33> confidence{};
  for (size_t i = 0; i < confidence.size() && i < person.landmarks.size(); ++i)
    confidence[i] = person.landmarks[i].visibility;
  PersonPose pose;
  pose.person_id = id;
  pose.pose_present = true;
  pose.joints = joints_from_landmarks(world, confidence);
  pose.confidence = person.score;
  pose.timestamp = timestamp_ms;
  if (bind) pose.bones = bones_from_rotations(bone_rotations(*bind, world));
  return pose;
}

}  // namespace am

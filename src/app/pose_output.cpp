#include "app/pose_output.hpp"

#include <string>

namespace am {

namespace {

nlohmann::json person_to_json(const PoseObservation& p, cv::Size image) {
  nlohmann::json landmarks = nlohmann::json::array(), world = nlohmann::json::array();
  const float width = static_cast<float>(image.width);
  for (int i = 0; i < kLandmarkCount; ++i) {
    const PoseLandmark& l = p.landmarks[i];
    landmarks.push_back({{"name", landmark_names()[i]},
                         {"x", l.x},
                         {"y", l.y},
                         {"z", l.z / width},
                         {"visibility", l.visibility},
                         {"presence", l.presence}});
  }
  for (int i = 0; i < kLandmarkCount; ++i) {
    const PoseLandmark& w = p.world_landmarks[i];
    world.push_back({{"name", landmark_names()[i]}, {"x", w.x}, {"y", w.y}, {"z", w.z}});
  }
  return {{"id", p.id},
          {"score", p.score},
          {"box", {p.box.x, p.box.y, p.box.width, p.box.height}},
          {"landmarks", std::move(landmarks)},
          {"world_landmarks", std::move(world)}};
}

}  // namespace

nlohmann::json pose_frame_to_json(const PoseResults& frame, cv::Size image) {
  nlohmann::json persons = nlohmann::json::array();
  for (const PoseObservation& p : frame.persons) persons.push_back(person_to_json(p, image));
  return {{"index", frame.index}, {"timestamp_ms", frame.timestamp_ms}, {"persons", persons}};
}

nlohmann::json poses_to_json(const std::string& source, cv::Size image,
                             const std::vector<PoseResults>& frames) {
  nlohmann::json out = {{"source", source}, {"width", image.width}, {"height", image.height}};
  out["frames"] = nlohmann::json::array();
  for (const PoseResults& f : frames) out["frames"].push_back(pose_frame_to_json(f, image));
  return out;
}

}  // namespace am

#include "perception/pose_results.hpp"

#include <string>

#include <opencv2/imgproc.hpp>

namespace am {

const std::array<std::pair<int, int>, 35> kPoseConnections{{
    {0, 1},   {1, 2},   {2, 3},   {3, 7},   {0, 4},   {4, 5},   {5, 6},   {6, 8},   {9, 10},
    {11, 12}, {11, 13}, {13, 15}, {15, 17}, {15, 19}, {15, 21}, {17, 19}, {12, 14}, {14, 16},
    {16, 18}, {16, 20}, {16, 22}, {18, 20}, {11, 23}, {12, 24}, {23, 24}, {23, 25}, {24, 26},
    {25, 27}, {26, 28}, {27, 29}, {28, 30}, {29, 31}, {30, 32}, {27, 31}, {28, 32},
}};

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

cv::Scalar person_colour(int id) {
  static const std::array<cv::Scalar, 6> colours{cv::Scalar(0, 255, 0),   cv::Scalar(255, 128, 0),
                                                 cv::Scalar(0, 128, 255), cv::Scalar(255, 0, 255),
                                                 cv::Scalar(0, 255, 255), cv::Scalar(255, 255, 0)};
  return colours[static_cast<std::size_t>(id) % colours.size()];
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

void draw_pose(cv::Mat& bgr, const std::vector<PoseObservation>& persons, float min_visibility) {
  const int thickness = std::max(1, std::min(bgr.cols, bgr.rows) / 300);
  for (const PoseObservation& p : persons) {
    const cv::Scalar colour = person_colour(p.id);
    auto shown = [&](int i) { return p.landmarks[i].visibility >= min_visibility; };
    auto at = [&](int i) { return cv::Point2f(p.landmarks[i].x, p.landmarks[i].y); };
    for (const auto& [a, b] : kPoseConnections) {
      if (shown(a) && shown(b)) cv::line(bgr, at(a), at(b), colour, thickness, cv::LINE_AA);
    }
    for (int i = 0; i < kLandmarkCount; ++i) {
      if (shown(i)) cv::circle(bgr, at(i), thickness + 2, cv::Scalar(0, 0, 255), -1, cv::LINE_AA);
    }
    cv::putText(bgr, std::to_string(p.id), p.box.tl() + cv::Point2f(0, -4),
                cv::FONT_HERSHEY_SIMPLEX, 0.5 * thickness + 0.3, colour, thickness);
  }
}

}  // namespace am

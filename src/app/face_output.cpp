#include "app/face_output.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <opencv2/imgproc.hpp>

namespace am {

namespace {

// Rounded to 0.1 px: more digits only add noise to the files.
double tenth(float v) { return std::round(static_cast<double>(v) * 10.0) / 10.0; }

template <typename Points>
nlohmann::json points_json(const Points& points) {
  nlohmann::json out = nlohmann::json::array();
  for (const cv::Point2f& p : points) out.push_back({tenth(p.x), tenth(p.y)});
  return out;
}

}  // namespace

nlohmann::json face_to_json(const FaceDetection& face) {
  return {{"box",
           {tenth(face.box.x), tenth(face.box.y), tenth(face.box.width), tenth(face.box.height)}},
          {"score", std::round(static_cast<double>(face.score) * 1000.0) / 1000.0},
          {"landmarks", points_json(face.landmarks)},
          {"keypoints", points_json(face.keypoints)}};
}

nlohmann::json faces_to_json(const std::string& source, cv::Size image,
                             const std::vector<FaceFrame>& frames) {
  nlohmann::json frames_json = nlohmann::json::array();
  for (const FaceFrame& frame : frames) {
    nlohmann::json faces = nlohmann::json::array();
    for (const FaceDetection& face : frame.faces) faces.push_back(face_to_json(face));
    frames_json.push_back({{"index", frame.index}, {"faces", std::move(faces)}});
  }
  return {{"source", source},
          {"width", image.width},
          {"height", image.height},
          {"frames", std::move(frames_json)}};
}

void draw_faces(cv::Mat& bgr, const std::vector<FaceDetection>& faces) {
  const int thickness = std::max(1, std::min(bgr.cols, bgr.rows) / 400);
  const cv::Scalar box_colour(0, 220, 0), landmark_colour(0, 200, 255),
      keypoint_colour(255, 0, 255);
  for (const FaceDetection& face : faces) {
    cv::rectangle(bgr, cv::Rect(face.box), box_colour, thickness);
    char label[16];
    std::snprintf(label, sizeof label, "%.2f", static_cast<double>(face.score));
    cv::putText(bgr, label, cv::Point(face.box.tl()) + cv::Point(0, -4 * thickness),
                cv::FONT_HERSHEY_SIMPLEX, 0.5 * thickness, box_colour, thickness);
    for (const cv::Point2f& p : face.landmarks)
      cv::circle(bgr, p, thickness + 1, landmark_colour, -1);
    for (const cv::Point2f& p : face.keypoints)
      cv::circle(bgr, p, 2 * thickness + 2, keypoint_colour, thickness);
  }
}

}  // namespace am

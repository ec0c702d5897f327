// The `faces` command's outputs. faces_to_json() gives the DESIGN.md §5 `faces --json` document:
// {"source", "width", "height", "frames": [{"index", "faces": [{"box": [x, y, w, h], "score",
// "landmarks": [[x, y] x 68], "keypoints": [[x, y] x 5]}]}]}, all in pixels of the input image.
// draw_faces() paints boxes, scores, the 68 landmarks and the 5 keypoints onto a BGR image. Pure.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <opencv2/core/mat.hpp>

#include "perception/face/face_detector.hpp"

namespace am {

struct FaceFrame {
  int64_t index = 0;
  std::vector<FaceDetection> faces;
};

nlohmann::json face_to_json(const FaceDetection& face);

nlohmann::json faces_to_json(const std::string& source, cv::Size image,
                             const std::vector<FaceFrame>& frames);

void draw_faces(cv::Mat& bgr, const std::vector<FaceDetection>& faces);

}  // namespace am

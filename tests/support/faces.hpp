// Face helpers shared by the tests that use the real face models on ../shared/testdata/faces:
// reading a test photo, its faces left to right, and the embedding of its largest face.
// Header-only; needs am_perception.
#pragma once

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include <opencv2/imgcodecs.hpp>

#include "perception/face/face_detector.hpp"
#include "perception/face/face_embedder.hpp"
#include "support/testdata.hpp"

namespace am::test {

// faces/<name> from the test data, as BGR; throws when it cannot be read.
inline cv::Mat load_face_photo(const std::string& name) {
  const cv::Mat image = cv::imread(testdata("faces/" + name).string(), cv::IMREAD_COLOR);
  if (image.empty()) throw std::runtime_error("cannot read test photo faces/" + name);
  return image;
}

inline std::vector<FaceDetection> faces_left_to_right(const FaceDetector& detector,
                                                      const cv::Mat& image) {
  auto faces = detector.detect(image);
  std::sort(faces.begin(), faces.end(),
            [](const auto& a, const auto& b) { return a.box.x < b.box.x; });
  return faces;
}

// The embedding of the largest face in the image; empty when there is none.
inline FaceEmbedding largest_face_embedding(const FaceDetector& detector,
                                            const FaceEmbedder& embedder, const cv::Mat& image) {
  const auto faces = detector.detect(image);
  if (faces.empty()) return {};
  const auto largest =
      std::max_element(faces.begin(), faces.end(),
                       [](const auto& a, const auto& b) { return a.box.area() < b.box.area(); });
  return embedder.embed(image, largest->keypoints);
}

}  // namespace am::test

// Face helpers shared by the tests that use the real face models on ../shared/testdata/faces:
// reading a test photo, its faces left to right, the embedding of its largest face, and a test
// fixture holding the real detector and embedder, loaded once per suite. Header-only; needs
// am_perception and GoogleTest.
#pragma once

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>

#include "perception/common/nms.hpp"
#include "perception/face/face_detector.hpp"
#include "perception/face/face_embedder.hpp"
#include "support/models_dir.hpp"
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

// A test suite with the real face detector and embedder (loaded once, shared by its tests).
class FaceModelsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    detector_ = new FaceDetector(models_dir());
    embedder_ = new FaceEmbedder(models_dir() / kFaceFeatureModelFile);
  }
  static void TearDownTestSuite() {
    delete detector_;
    delete embedder_;
  }

  static std::vector<FaceDetection> faces_left_to_right(const cv::Mat& image) {
    return test::faces_left_to_right(*detector_, image);
  }

  // The embedding of the face in `image` that overlaps `box` most; empty when none does.
  static FaceEmbedding embedding_at(const cv::Mat& image, const cv::Rect2f& box) {
    const auto faces = detector_->detect(image);
    const auto best = std::max_element(
        faces.begin(), faces.end(),
        [&](const auto& a, const auto& b) { return box_iou(a.box, box) < box_iou(b.box, box); });
    if (best == faces.end() || box_iou(best->box, box) < 0.3f) return {};
    return embedder_->embed(image, best->keypoints);
  }

  static inline FaceDetector* detector_ = nullptr;
  static inline FaceEmbedder* embedder_ = nullptr;
};

}  // namespace am::test

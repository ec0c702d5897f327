// The face models on the test photos: every face found, none invented, identities matched, and
// the 68 landmarks close to 300-W ground truth. Figures are documented in docs/faces.md.
#include <fstream>
#include <map>
#include <string>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include "perception/face/face_detector.hpp"
#include "perception/face/face_embedder.hpp"
#include "support/faces.hpp"
#include "support/models_dir.hpp"
#include "support/testdata.hpp"

namespace am {
namespace {

using test::models_dir;

using test::load_face_photo;

class Faces : public test::FaceModelsTest {
 protected:
  // Faces of a photo, left to right.
  static std::vector<FaceDetection> faces_in(const cv::Mat& image) {
    return faces_left_to_right(image);
  }

  static FaceEmbedding embedding_of(const std::string& photo, std::size_t face = 0) {
    const cv::Mat image = load_face_photo(photo);
    const auto faces = faces_in(image);
    if (faces.size() <= face)
      throw std::runtime_error("no face " + std::to_string(face) + " in " + photo);
    return embedder_->embed(image, faces[face].keypoints);
  }
};

TEST_F(Faces, FindsEveryFaceInTheTestPhotos) {
  const std::map<std::string, std::size_t> expected{{"fr_obama.jpg", 1},
                                                    {"fr_obama3.jpg", 1},
                                                    {"fr_biden.jpg", 1},
                                                    {"fr_two_people.jpg", 2},
                                                    {"300w_indoor_020.png", 1}};
  for (const auto& [photo, count] : expected) {
    const cv::Mat image = load_face_photo(photo);
    const auto faces = faces_in(image);
    EXPECT_EQ(faces.size(), count) << photo;
    for (const FaceDetection& face : faces) {
      EXPECT_GE(face.score, 0.9f) << photo;
      EXPECT_GT(face.box.area(), 0.01f * image.cols * image.rows) << photo;
      EXPECT_EQ(face.landmarks.size(), 68u) << photo;
      for (const cv::Point2f& p : face.keypoints) EXPECT_TRUE(face.box.contains(p)) << photo;
    }
  }
}

TEST_F(Faces, TwoPeopleAreSideBySideWithoutOverlap) {
  const auto faces = faces_in(load_face_photo("fr_two_people.jpg"));
  ASSERT_EQ(faces.size(), 2u);
  EXPECT_TRUE((faces[0].box & faces[1].box).empty());
}

TEST_F(Faces, ReportsNoFaceWhereThereIsNone) {
  const cv::Mat biden = load_face_photo("fr_biden.jpg");
  const cv::Mat lower_half = biden(cv::Rect(0, biden.rows / 2, biden.cols, biden.rows / 2)).clone();
  EXPECT_TRUE(faces_in(lower_half).empty()) << "lower half of fr_biden.jpg (no face there)";

  cv::Mat noise(720, 1280, CV_8UC3);
  cv::RNG rng(7);
  rng.fill(noise, cv::RNG::UNIFORM, 0, 256);
  EXPECT_TRUE(faces_in(noise).empty()) << "uniform noise";

  cv::Mat gradient(720, 1280, CV_8UC3);
  for (int y = 0; y < gradient.rows; ++y) {
    for (int x = 0; x < gradient.cols; ++x) {
      gradient.at<cv::Vec3b>(y, x) = cv::Vec3b(x / 5, y / 3, (x + y) / 8);
    }
  }
  EXPECT_TRUE(faces_in(gradient).empty()) << "colour gradient";
}

TEST_F(Faces, SamePersonMatchesAndDifferentPeopleDoNot) {
  const FaceEmbedding obama = embedding_of("fr_obama.jpg");
  const FaceEmbedding obama3 = embedding_of("fr_obama3.jpg");
  const FaceEmbedding biden = embedding_of("fr_biden.jpg");
  const FaceEmbedding left = embedding_of("fr_two_people.jpg", 0);
  const FaceEmbedding right = embedding_of("fr_two_people.jpg", 1);
  const FaceEmbedding woman = embedding_of("300w_indoor_020.png");

  ASSERT_EQ(obama.size(), static_cast<std::size_t>(kFaceEmbeddingSize));
  EXPECT_NEAR(cv::norm(cv::Mat(obama)), 1.0, 1e-4);

  EXPECT_TRUE(same_person(obama, obama3)) << cosine_similarity(obama, obama3);
  EXPECT_TRUE(same_person(obama, left)) << cosine_similarity(obama, left);
  EXPECT_TRUE(same_person(biden, right)) << cosine_similarity(biden, right);
  EXPECT_FALSE(same_person(obama, biden)) << cosine_similarity(obama, biden);
  EXPECT_FALSE(same_person(obama, right)) << cosine_similarity(obama, right);
  EXPECT_FALSE(same_person(biden, left)) << cosine_similarity(biden, left);
  EXPECT_FALSE(same_person(left, right)) << cosine_similarity(left, right);
  EXPECT_FALSE(same_person(woman, obama)) << cosine_similarity(woman, obama);
  EXPECT_FALSE(same_person(woman, biden)) << cosine_similarity(woman, biden);
}

// 300-W's measure: mean point error over the 68 points divided by the outer-eye-corner distance.
TEST_F(Faces, LandmarksAreCloseToThe300WGroundTruth) {
  std::ifstream file(test::testdata("faces/300w_indoor_020.json"));
  const nlohmann::json truth = nlohmann::json::parse(file);
  const auto& keypoints = truth["annotations"][0]["keypoints"];
  ASSERT_EQ(keypoints.size(), 3u * kFaceLandmarkCount);
  std::vector<cv::Point2f> expected;
  for (int i = 0; i < kFaceLandmarkCount; ++i) {
    expected.push_back({keypoints[3 * i].get<float>(), keypoints[3 * i + 1].get<float>()});
  }
  const auto faces = faces_in(load_face_photo("300w_indoor_020.png"));
  ASSERT_EQ(faces.size(), 1u);
  double error = 0;
  for (int i = 0; i < kFaceLandmarkCount; ++i)
    error += cv::norm(faces[0].landmarks[i] - expected[i]);
  const double nme = error / kFaceLandmarkCount / cv::norm(expected[36] - expected[45]);
  RecordProperty("nme", std::to_string(nme));
  EXPECT_LT(nme, 0.08) << "normalised mean error " << nme;
}

}  // namespace
}  // namespace am

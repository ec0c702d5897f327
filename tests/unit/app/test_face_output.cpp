#include <gtest/gtest.h>

#include <opencv2/core.hpp>

#include "app/face_output.hpp"
#include "perception/face/face_geometry.hpp"

namespace am {
namespace {

FaceDetection sample_face() {
  FaceDetection face;
  face.box = {120.54f, 80.0f, 96.0f, 118.22f};
  face.score = 0.9712f;
  for (int i = 0; i < kFaceLandmarkCount; ++i) {
    face.landmarks.push_back({130.0f + static_cast<float>(i), 100.0f + static_cast<float>(i) / 2});
  }
  face.keypoints = five_points_from_68(face.landmarks);
  return face;
}

TEST(FacesToJson, HasTheDesignShapeInPixels) {
  const nlohmann::json doc =
      faces_to_json("photo.jpg", {640, 480}, {{0, {sample_face()}}, {1, {}}});
  EXPECT_EQ(doc["source"], "photo.jpg");
  EXPECT_EQ(doc["width"], 640);
  EXPECT_EQ(doc["height"], 480);
  ASSERT_EQ(doc["frames"].size(), 2u);
  EXPECT_EQ(doc["frames"][1]["index"], 1);
  EXPECT_TRUE(doc["frames"][1]["faces"].empty());
  const nlohmann::json& face = doc["frames"][0]["faces"][0];
  EXPECT_NEAR(face["box"][0].get<double>(), 120.5, 1e-9);
  EXPECT_NEAR(face["box"][3].get<double>(), 118.2, 1e-9);
  EXPECT_NEAR(face["score"].get<double>(), 0.971, 1e-9);
  ASSERT_EQ(face["landmarks"].size(), 68u);
  EXPECT_NEAR(face["landmarks"][67][0].get<double>(), 197.0, 1e-9);
  EXPECT_NEAR(face["landmarks"][67][1].get<double>(), 133.5, 1e-9);
  ASSERT_EQ(face["keypoints"].size(), 5u);
}

TEST(DrawFaces, PaintsTheBoxAndLeavesTheRestOfTheImage) {
  cv::Mat image(480, 640, CV_8UC3, cv::Scalar::all(0));
  draw_faces(image, {sample_face()});
  EXPECT_NE(image.at<cv::Vec3b>(80, 160), cv::Vec3b(0, 0, 0));  // top edge of the box
  EXPECT_EQ(image.at<cv::Vec3b>(400, 600), cv::Vec3b(0, 0, 0));
}

}  // namespace
}  // namespace am

#include <gtest/gtest.h>

#include "app/pose_output.hpp"

namespace am {
namespace {

TEST(PoseJson, FrameHasTheDesignShapeWithNamedLandmarks) {
  PoseObservation p;
  p.id = 3;
  p.score = 0.75f;
  p.box = {10, 20, 30, 40};
  p.landmarks.fill({5, 6, 64, 0.9f, 0.8f});
  p.world_landmarks.fill({0.1f, -0.2f, 0.3f});
  const nlohmann::json doc = poses_to_json("clip.mp4", {640, 480}, {{7, 233.3, {p}}});
  EXPECT_EQ(doc["width"], 640);
  const auto& frame = doc["frames"][0];
  EXPECT_EQ(frame["index"], 7);
  EXPECT_DOUBLE_EQ(frame["timestamp_ms"].get<double>(), 233.3);
  const auto& person = frame["persons"][0];
  EXPECT_EQ(person["id"], 3);
  ASSERT_EQ(person["landmarks"].size(), static_cast<std::size_t>(kLandmarkCount));
  EXPECT_EQ(person["landmarks"][0]["name"], "nose");
  EXPECT_EQ(person["landmarks"][32]["name"], "right_foot_index");
  EXPECT_EQ(person["landmarks"][15]["name"], "left_wrist");
  EXPECT_FLOAT_EQ(person["landmarks"][0]["z"].get<float>(), 0.1f);  // 64 px / 640 px
  EXPECT_FLOAT_EQ(person["world_landmarks"][0]["y"].get<float>(), -0.2f);
  EXPECT_EQ(person["box"].size(), 4u);
}

}  // namespace
}  // namespace am

// The floor camera's stature (builder/floor_stature.hpp): a person of known size in a crop of a
// frame from a camera of known height gives back their stature and the factor that makes the
// world landmarks that tall; a person cut off, or a camera set up wrongly, gives a reason instead.
#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

#include "body/landmarks.hpp"
#include "builder/floor_stature.hpp"

namespace am::builder {
namespace {

// A level camera 1.1 m up (focal 1000 px, frame 1280 x 720, principal row 360) and a person of
// 1.80 m at 4 m: head top at frame row 185, soles at 635. The crop starts at frame row 100 and is
// scaled by 0.5, so the person spans crop rows 42.5 - 267.5.
constexpr float kFocal = 1000.0f;
const avatar::FloorCamera kCamera{1.1f, kFocal, 360.0f, 0.0f};
const PersonCrop kCrop{cv::Rect(400, 100, 480, 600), 0.5};

avatar::PersonView person_in_crop(int top_row, int sole_row) {
  avatar::PersonView view;
  view.mask = cv::Mat(300, 240, CV_8U, cv::Scalar(0));
  cv::rectangle(view.mask, cv::Point(100, top_row), cv::Point(140, sole_row - 1), cv::Scalar(255),
                cv::FILLED);
  view.landmarks[lm::kNose] = {120, static_cast<float>(top_row) + 10, 0, 1, 1};
  view.landmarks[lm::kLeftEar] = {126, static_cast<float>(top_row) + 10, 0, 1, 1};
  view.landmarks[lm::kRightEar] = {114, static_cast<float>(top_row) + 10, 0, 1, 1};
  // Shoulders and hips 0.4 m / 20 crop px apart in the world and the image: 0.02 m per crop px.
  for (int side = 0; side < 2; ++side) {
    const float x = side == 0 ? 130.0f : 110.0f, wx = side == 0 ? 0.2f : -0.2f;
    view.landmarks[lm::kLeftShoulder + side] = {x, 80, 0, 1, 1};
    view.landmarks[lm::kLeftHip + side] = {x, 160, 0, 1, 1};
    view.world[lm::kLeftShoulder + side] = {wx, -0.8f, 0, 1, 1};
    view.world[lm::kLeftHip + side] = {wx, 0.8f, 0, 1, 1};
  }
  return view;
}

TEST(FloorStature, APersonInACropGivesTheirStatureAndTheWorldScale) {
  const FloorStature seen = floor_camera_stature(person_in_crop(43, 268), kCrop, kCamera);
  ASSERT_TRUE(seen.stature_m) << seen.why_not;
  EXPECT_NEAR(*seen.stature_m, 1.80f, 0.01f);
  // The mask's 225 crop rows at the landmarks' 0.02 m per crop pixel make a 4.5 m model.
  EXPECT_NEAR(seen.world_scale, *seen.stature_m / 4.5f, 1e-3f);
  const PoseLandmarks scaled = scale_world(person_in_crop(43, 268).world, seen.world_scale);
  EXPECT_NEAR(scaled[lm::kLeftHip].y, 0.8f * seen.world_scale, 1e-6f);
}

TEST(FloorStature, HandsRaisedAboveTheHeadDoNotMakeThemTaller) {
  avatar::PersonView waving = person_in_crop(43, 268);
  cv::rectangle(waving.mask, cv::Point(140, 10), cv::Point(146, 60), cv::Scalar(255), cv::FILLED);
  cv::rectangle(waving.mask, cv::Point(112, 5), cv::Point(128, 38), cv::Scalar(255), cv::FILLED);
  const FloorStature seen = floor_camera_stature(waving, kCrop, kCamera);
  ASSERT_TRUE(seen.stature_m) << seen.why_not;
  EXPECT_NEAR(*seen.stature_m, 1.80f, 0.01f);
  EXPECT_NEAR(seen.world_scale, *seen.stature_m / 4.5f, 1e-3f);
}

TEST(FloorStature, APersonCutOffOrAWrongCameraGivesAReason) {
  const auto why = [](const avatar::PersonView& view, const avatar::FloorCamera& camera) {
    const FloorStature seen = floor_camera_stature(view, kCrop, camera);
    EXPECT_FALSE(seen.stature_m);
    return seen.why_not;
  };
  EXPECT_NE(why(person_in_crop(0, 268), kCamera).find("top"), std::string::npos);
  EXPECT_NE(why(person_in_crop(43, 300), kCamera).find("feet"), std::string::npos);
  EXPECT_NE(why(person_in_crop(43, 268), {4.0f, kFocal, 360.0f, 0.0f}).find("mount_height_m"),
            std::string::npos)
      << "a camera set 4 m up makes this person 6.5 m tall";
  EXPECT_NE(why(person_in_crop(43, 268), {1.1f, kFocal, 360.0f, -40.0f}).find("horizon"),
            std::string::npos);
}

TEST(FloorStature, TheCameraComesFromTheConfigOnlyWhenItsMountIsKnown) {
  EXPECT_FALSE(floor_camera_for({0.0f, 0.0f, 60.0f}, {1280, 720}));
  const auto camera = floor_camera_for({1.1f, 5.0f, 60.0f}, {1280, 720});
  ASSERT_TRUE(camera);
  EXPECT_NEAR(camera->fy_px, 640.0f / std::tan(30.0f * static_cast<float>(M_PI) / 180.0f), 0.01f);
  EXPECT_FLOAT_EQ(camera->cy_px, 360.0f);
  EXPECT_FLOAT_EQ(camera->pitch_deg, 5.0f);
}

}  // namespace
}  // namespace am::builder

#include <opencv2/imgproc.hpp>

#include <gtest/gtest.h>

#include "synthetic_person.hpp"
#include "tracking/quality_gate.hpp"
#include "tracking/sharpness.hpp"

namespace am::tracking {
namespace {

using test::make_person;

const cv::Size kImage(640, 480);

// A textured image: a checkerboard of 6-pixel squares with random grey levels.
cv::Mat textured_image() {
  cv::Mat image(kImage, CV_8UC3);
  cv::RNG rng(7);
  for (int y = 0; y < image.rows; y += 6) {
    for (int x = 0; x < image.cols; x += 6) {
      const int v = rng.uniform(0, 256);
      cv::rectangle(image, cv::Rect(x, y, 6, 6), cv::Scalar(v, v, v), cv::FILLED);
    }
  }
  return image;
}

PersonInput frontal() { return make_person(320, 20, 440); }

QualityResult run_gate(const PersonInput& person, const cv::Mat& image = textured_image(),
                       const QualityOptions& options = {}) {
  return gate(person, kImage, image, options);
}

std::string all_reasons(const QualityResult& r) {
  std::string text;
  for (const auto& reason : r.reasons) text += describe(reason) + "\n";
  return text;
}

TEST(QualityGate, FrontalFullBodyPersonPasses) {
  const auto result = run_gate(frontal());
  EXPECT_TRUE(result.passed) << all_reasons(result);
  EXPECT_GE(result.score, 0.6f);
  EXPECT_LE(result.score, 1.0f);
}

TEST(QualityGate, HiddenLeftArmFailsWithTheArmReason) {
  PersonInput person = frontal();
  person.landmarks[lm::kLeftElbow].visibility = 0.21f;
  person.landmarks[lm::kLeftWrist].visibility = 0.3f;
  const auto result = run_gate(person);
  EXPECT_FALSE(result.passed);
  ASSERT_EQ(result.reasons.size(), 1u) << all_reasons(result);
  EXPECT_EQ(describe(result.reasons[0]),
            "left_arm_not_visible: left_elbow/left_wrist visibility 0.21/0.30 < 0.50");
  EXPECT_LT(result.score, run_gate(frontal()).score);
}

TEST(QualityGate, HiddenRightArmAndHipsFailWithTheirReasons) {
  PersonInput person = frontal();
  person.landmarks[lm::kRightWrist].visibility = 0.1f;
  person.landmarks[lm::kLeftHip].visibility = 0.2f;
  const auto result = run_gate(person);
  EXPECT_TRUE(result.has_reason("right_arm_not_visible")) << all_reasons(result);
  EXPECT_TRUE(result.has_reason("torso_not_visible")) << all_reasons(result);
  EXPECT_FALSE(result.has_reason("left_arm_not_visible"));
}

TEST(QualityGate, SmallFaceFailsWithTheFaceReason) {
  const auto result = run_gate(make_person(320, 300, 150));  // face about 13 px wide
  EXPECT_FALSE(result.passed);
  EXPECT_TRUE(result.has_reason("face_too_small")) << all_reasons(result);
}

TEST(QualityGate, HiddenFaceFailsWithTheFaceReason) {
  PersonInput person = frontal();
  for (int i = lm::kNose; i <= lm::kMouthRight; ++i) person.landmarks[i].visibility = 0.05f;
  EXPECT_TRUE(run_gate(person).has_reason("face_not_visible"));
}

TEST(QualityGate, BlurredImageFailsSharpness) {
  cv::Mat blurred;
  cv::GaussianBlur(textured_image(), blurred, cv::Size(), 8);
  const PersonInput person = frontal();
  EXPECT_GT(laplacian_variance(textured_image(), person.box),
            10 * laplacian_variance(blurred, person.box));
  const auto result = run_gate(person, blurred);
  EXPECT_FALSE(result.passed);
  ASSERT_EQ(result.reasons.size(), 1u) << all_reasons(result);
  EXPECT_EQ(result.reasons[0].code, "too_blurry");
}

TEST(QualityGate, NoImageSkipsSharpness) { EXPECT_TRUE(run_gate(frontal(), cv::Mat()).passed); }

TEST(QualityGate, SidewaysPersonFailsFacing) {
  const auto result = run_gate(make_person(320, 20, 440, 75));
  EXPECT_FALSE(result.passed);
  EXPECT_TRUE(result.has_reason("not_facing_camera")) << all_reasons(result);
}

TEST(QualityGate, QuarterTurnFailsOnWorldYawEvenWhenImageLooksWideEnough) {
  PersonInput person = make_person(320, 20, 440, 50);
  const auto result = run_gate(person);
  EXPECT_TRUE(result.has_reason("not_facing_camera")) << all_reasons(result);
  EXPECT_NE(all_reasons(result).find("turned"), std::string::npos) << all_reasons(result);
}

TEST(QualityGate, BackToCameraFailsFacing) {
  const auto result = run_gate(make_person(320, 20, 440, 180));
  EXPECT_TRUE(result.has_reason("not_facing_camera")) << all_reasons(result);
}

TEST(QualityGate, CutOffLegsFailFullBodyButPassUpperBody) {
  const PersonInput person = make_person(320, 60, 700);  // ankles below the image
  const auto full = run_gate(person);
  EXPECT_TRUE(full.has_reason("body_outside_frame")) << all_reasons(full);
  QualityOptions upper;
  upper.full_body = false;
  const auto result = run_gate(person, textured_image(), upper);
  EXPECT_TRUE(result.passed) << all_reasons(result);
}

TEST(QualityGate, ThresholdAboveTheScoreFails) {
  QualityOptions strict;
  strict.threshold = 1.0f;
  PersonInput person = frontal();
  for (auto& l : person.landmarks) l.visibility = 0.6f;
  const auto result = run_gate(person, textured_image(), strict);
  EXPECT_FALSE(result.passed);
  EXPECT_TRUE(result.has_reason("score_below_threshold")) << all_reasons(result);
}

}  // namespace
}  // namespace am::tracking

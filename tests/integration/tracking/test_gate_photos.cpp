// The quality gate on ../shared/testdata: full-body frontal photos pass; crops the test makes
// without the arms or without the face fail, with the reason that names what is missing.
#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>

#include "perception/pose/pose_tracker.hpp"
#include "pipeline/conversions.hpp"
#include "support/models_dir.hpp"
#include "support/testdata.hpp"
#include "tracking/quality_gate.hpp"

namespace am {
namespace {

class GatePhotos : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { pose_ = new PoseTracker(test::models_dir()); }
  static void TearDownTestSuite() {
    delete pose_;
    pose_ = nullptr;
  }

  // The gate's verdict on the largest person in the image (full-body mode).
  static tracking::QualityResult gate_of(const cv::Mat& image, std::string* described) {
    const auto persons = pose_->process(image, 0, false);
    EXPECT_FALSE(persons.empty());
    if (persons.empty()) return {};
    const auto& person = *std::max_element(persons.begin(), persons.end(), [](auto& a, auto& b) {
      return a.box.area() < b.box.area();
    });
    tracking::QualityOptions options;
    options.full_body = true;
    const auto result = tracking::gate(to_person_input(person), image.size(), image, options);
    for (const auto& r : result.reasons) *described += tracking::describe(r) + "; ";
    return result;
  }

  static cv::Mat photo(const std::string& name) {
    cv::Mat image = cv::imread(test::testdata("full_body/" + name).string(), cv::IMREAD_COLOR);
    EXPECT_FALSE(image.empty()) << name;
    return image;
  }

  static PoseTracker* pose_;
};

PoseTracker* GatePhotos::pose_ = nullptr;

TEST_F(GatePhotos, FullBodyFrontalPhotosPass) {
  for (const char* name : {"pifu_ryota.png", "sith_002.png", "sith_010.png"}) {
    std::string why;
    const auto result = gate_of(photo(name), &why);
    EXPECT_TRUE(result.passed) << name << " score " << result.score << ": " << why;
  }
}

TEST_F(GatePhotos, ACropWithoutTheFaceFailsOnTheFace) {
  const cv::Mat image = photo("pifu_ryota.png");
  const cv::Mat headless = image(cv::Rect(0, image.rows / 5, image.cols, image.rows * 4 / 5));
  std::string why;
  const auto result = gate_of(headless.clone(), &why);
  EXPECT_FALSE(result.passed) << why;
  EXPECT_TRUE(result.has_reason("face_not_visible") || result.has_reason("face_too_small") ||
              result.has_reason("body_outside_frame"))
      << why;
  EXPECT_NE(why.find("face"), std::string::npos) << why;
}

TEST_F(GatePhotos, ACropWithoutTheArmsFailsOnTheArms) {
  const cv::Mat image = photo("pifu_ryota.png");
  cv::Mat armless = image.clone();
  // Paint over both arms (everything left and right of the torso column) with the background.
  const int torso_left = image.cols * 40 / 100, torso_right = image.cols * 60 / 100;
  armless.colRange(0, torso_left).setTo(cv::Scalar::all(0));
  armless.colRange(torso_right, image.cols).setTo(cv::Scalar::all(0));
  std::string why;
  const auto result = gate_of(armless, &why);
  EXPECT_FALSE(result.passed) << why;
  EXPECT_NE(why.find("arm"), std::string::npos) << why;
}

}  // namespace
}  // namespace am

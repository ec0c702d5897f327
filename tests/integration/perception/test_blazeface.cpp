// BlazeFace full range on the test photos: the faces UltraFace finds, also when the photo is
// shrunk into a wide, empty view (people far from the camera), and nothing on an empty image.
#include <gtest/gtest.h>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "perception/common/ssd_detections.hpp"
#include "perception/face/blazeface_detector.hpp"
#include "perception/face/face_box_detector.hpp"
#include "perception/face/face_detector.hpp"
#include "support/models_dir.hpp"
#include "support/testdata.hpp"

namespace am {
namespace {

using test::models_dir;

// The photo at `scale`, pasted in the middle of a grey canvas of `canvas` size.
cv::Mat far_view(const cv::Mat& photo, double scale, cv::Size canvas) {
  cv::Mat small, out(canvas, CV_8UC3, cv::Scalar::all(120));
  cv::resize(photo, small, {}, scale, scale, cv::INTER_AREA);
  small.copyTo(out(cv::Rect((canvas.width - small.cols) / 2, (canvas.height - small.rows) / 2,
                            small.cols, small.rows)));
  return out;
}

float best_iou(const cv::Rect2f& box, const std::vector<ScoredBox>& others) {
  float best = 0;
  for (const auto& o : others) best = std::max(best, detection_iou(box, o.box));
  return best;
}

TEST(BlazeFace, FindsTheFacesUltraFaceFinds) {
  const cv::Mat photo = cv::imread(test::testdata("faces/fr_two_people.jpg").string());
  const BlazeFaceDetector blaze(models_dir());
  const FaceBoxDetector ultra(models_dir() / kFaceDetectModelFile);
  const auto found = blaze.detect(photo);
  const auto reference = ultra.detect(photo);
  ASSERT_EQ(reference.size(), 2u);
  ASSERT_EQ(found.size(), 2u);
  for (const auto& face : found) EXPECT_GT(best_iou(face.box, reference), 0.4f);
}

TEST(BlazeFace, FindsSmallFarFacesAndTheirLandmarks) {
  const cv::Mat photo = cv::imread(test::testdata("faces/fr_two_people.jpg").string());
  const FaceBoxDetector ultra(models_dir() / kFaceDetectModelFile);
  auto reference = ultra.detect(photo);
  constexpr double kScale = 0.25;  // faces about 25 px wide in a 640x480 view
  const cv::Mat view = far_view(photo, kScale, {640, 480});
  const cv::Point2f offset((640 - photo.cols * kScale) / 2, (480 - photo.rows * kScale) / 2);
  for (auto& r : reference)
    r.box = cv::Rect2f(r.box.tl() * kScale + offset, r.box.br() * kScale + offset);
  const BlazeFaceDetector blaze(models_dir());
  const auto found = blaze.detect(view);
  ASSERT_EQ(found.size(), 2u);
  for (const auto& face : found) EXPECT_GT(best_iou(face.box, reference), 0.3f);
  const FaceDetector described(models_dir());
  EXPECT_EQ(described.describe(view, found).size(), 2u) << "68 points for each far face";
}

TEST(BlazeFace, ReportsNoFaceOnAnEmptyView) {
  const BlazeFaceDetector blaze(models_dir());
  EXPECT_TRUE(blaze.detect(cv::Mat(480, 640, CV_8UC3, cv::Scalar::all(120))).empty());
}

}  // namespace
}  // namespace am

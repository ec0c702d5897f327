// BlazePose's pure algorithms against values worked out by hand from MediaPipe's calculators.
#include <cmath>
#include <numbers>

#include <gtest/gtest.h>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "core/error.hpp"

#include "perception/common/image_to_tensor.hpp"
#include "perception/common/rotated_roi.hpp"
#include "perception/common/ssd_anchors.hpp"
#include "perception/common/ssd_detections.hpp"
#include "perception/pose/pose_landmark_decode.hpp"

namespace am {
namespace {

constexpr float kPi = std::numbers::pi_v<float>;

TEST(PoseAnchors, MediaPipePoseDetectorOptionsGive2254AnchorsInModelOrder) {
  const std::vector<Anchor> anchors = make_ssd_anchors(pose_detector_anchor_options());
  ASSERT_EQ(anchors.size(), 2254u);
  // Stride 8: 28 x 28 cells, 2 anchors each; the first cell's centre is half a cell in.
  EXPECT_FLOAT_EQ(anchors[0].x_center, 0.5f / 28);
  EXPECT_FLOAT_EQ(anchors[0].y_center, 0.5f / 28);
  EXPECT_FLOAT_EQ(anchors[1].x_center, 0.5f / 28);
  EXPECT_FLOAT_EQ(anchors[2].x_center, 1.5f / 28);
  EXPECT_FLOAT_EQ(anchors[2 * 28].y_center, 1.5f / 28);
  // Stride 16 starts after 28 * 28 * 2 = 1568 anchors.
  EXPECT_FLOAT_EQ(anchors[1568].x_center, 0.5f / 14);
  // The three stride-32 layers share a 7 x 7 map with 6 anchors per cell: 1568 + 392 = 1960.
  EXPECT_FLOAT_EQ(anchors[1960].x_center, 0.5f / 7);
  EXPECT_FLOAT_EQ(anchors[1960 + 6].x_center, 1.5f / 7);
  EXPECT_FLOAT_EQ(anchors.back().x_center, 6.5f / 7);
  EXPECT_FLOAT_EQ(anchors.back().y_center, 6.5f / 7);
  for (const Anchor& a : anchors) {
    EXPECT_FLOAT_EQ(a.width, 1.0f);
    EXPECT_FLOAT_EQ(a.height, 1.0f);
  }
}

TEST(PoseDecode, DecodesABoxAndKeypointsRelativeToTheirAnchor) {
  std::vector<Anchor> anchors(3, Anchor{0.5f, 0.5f, 1, 1});
  anchors[1] = {0.25f, 0.75f, 1, 1};
  std::vector<float> raw(3 * 12, 0.0f), logits{-5.0f, 2.0f, 0.0f};
  // Anchor 1: centre moved by (+22.4, -44.8) px of 224, size 112 x 56 px, hip keypoint (+11.2, 0).
  const float box[12] = {22.4f, -44.8f, 112, 56, 11.2f, 0, 0, -22.4f, 1, 2, 3, 4};
  std::copy(box, box + 12, raw.begin() + 12);
  const auto found = decode_ssd_detections(raw, logits, anchors);
  ASSERT_EQ(found.size(), 2u);  // sigmoid(-5) < 0.5 is dropped, sigmoid(0) = 0.5 kept
  const SsdDetection& d = found[0];
  EXPECT_NEAR(d.score, 1 / (1 + std::exp(-2.0f)), 1e-6);
  EXPECT_NEAR(d.box.x + d.box.width / 2, 0.35f, 1e-6);
  EXPECT_NEAR(d.box.y + d.box.height / 2, 0.55f, 1e-6);
  EXPECT_NEAR(d.box.width, 0.5f, 1e-6);
  EXPECT_NEAR(d.box.height, 0.25f, 1e-6);
  EXPECT_NEAR(d.keypoints[0].x, 0.30f, 1e-6);
  EXPECT_NEAR(d.keypoints[0].y, 0.75f, 1e-6);
  EXPECT_NEAR(d.keypoints[1].y, 0.65f, 1e-6);
}

TEST(PoseDecode, RejectsOutputsThatDoNotMatchTheAnchors) {
  const std::vector<Anchor> anchors(4);
  const std::vector<float> raw(4 * 12), logits(3);
  EXPECT_THROW(decode_ssd_detections(raw, logits, anchors), InferError);
}

SsdDetection detection(float x, float y, float size, float score, cv::Point2f hip) {
  SsdDetection d;
  d.box = cv::Rect2f(x, y, size, size);
  d.score = score;
  d.keypoints.fill(hip);
  return d;
}

TEST(PoseWeightedNms, MergesOverlapsByScoreWeightKeepsBestScoreAndSeparatesPeople) {
  std::vector<SsdDetection> in{detection(0.0f, 0, 0.2f, 0.6f, {0.1f, 0.1f}),
                               detection(0.02f, 0, 0.2f, 0.9f, {0.2f, 0.1f}),
                               detection(0.6f, 0.6f, 0.2f, 0.7f, {0.7f, 0.7f})};
  const auto out = weighted_nms(in, 0.3f);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_FLOAT_EQ(out[0].score, 0.9f);
  EXPECT_NEAR(out[0].box.x, (0.6f * 0.0f + 0.9f * 0.02f) / 1.5f, 1e-6);
  EXPECT_NEAR(out[0].keypoints[0].x, (0.6f * 0.1f + 0.9f * 0.2f) / 1.5f, 1e-6);
  EXPECT_FLOAT_EQ(out[1].score, 0.7f);
  EXPECT_FLOAT_EQ(out[1].box.x, 0.6f);
  EXPECT_EQ(weighted_nms(in, 0.3f, 1).size(), 1u);
}

TEST(PoseRoi, UprightPersonGivesUnrotatedSquareAroundTheHips) {
  const RotatedRoi roi = roi_from_alignment_points({100, 200}, {100, 120});
  EXPECT_FLOAT_EQ(roi.center.x, 100);
  EXPECT_FLOAT_EQ(roi.center.y, 200);
  EXPECT_FLOAT_EQ(roi.width, 2 * 80 * 1.25f);
  EXPECT_FLOAT_EQ(roi.height, roi.width);
  EXPECT_NEAR(roi.rotation, 0, 1e-6);
}

TEST(PoseRoi, PersonLyingToTheRightIsRotatedSoTheHeadIsUpInTheCrop) {
  // Head to the right of the hips: the crop turns by +90 degrees.
  const RotatedRoi roi = roi_from_alignment_points({100, 100}, {150, 100});
  EXPECT_NEAR(roi.rotation, kPi / 2, 1e-6);
  // The scale point lies straight above the centre in the crop.
  const cv::Point2f top = image_to_roi(roi, {150, 100});
  EXPECT_NEAR(top.x, 0.5f, 1e-6);
  EXPECT_LT(top.y, 0.5f);
  // Head down: rotation wraps to -pi.
  EXPECT_NEAR(std::fabs(roi_from_alignment_points({0, 0}, {0, 10}).rotation), kPi, 1e-6);
}

TEST(PoseRoi, ProjectionRoundTripsAndCropMatrixAgrees) {
  const RotatedRoi roi{{320, 240}, 200, 200, 0.7f};
  for (const cv::Point2f p :
       {cv::Point2f(0.1f, 0.9f), cv::Point2f(0.5f, 0.5f), cv::Point2f(1.3f, -0.2f)}) {
    const cv::Point2f back = image_to_roi(roi, roi_to_image(roi, p));
    EXPECT_NEAR(back.x, p.x, 1e-5);
    EXPECT_NEAR(back.y, p.y, 1e-5);
    const cv::Matx23f m = crop_to_image_matrix(roi, {256, 256});
    const cv::Point2f q(p.x * 256, p.y * 256);
    const cv::Point2f via_matrix(m(0, 0) * q.x + m(0, 1) * q.y + m(0, 2),
                                 m(1, 0) * q.x + m(1, 1) * q.y + m(1, 2));
    const cv::Point2f direct = roi_to_image(roi, p);
    EXPECT_NEAR(via_matrix.x, direct.x, 1e-3);
    EXPECT_NEAR(via_matrix.y, direct.y, 1e-3);
  }
  EXPECT_NEAR(cv::norm(roi_to_image(roi, {0.5f, 0.5f}) - roi.center), 0, 1e-4);
}

TEST(PoseRoi, CropShowsTheRotatedRegionUpright) {
  cv::Mat image(200, 200, CV_8UC3, cv::Scalar::all(0));
  image(cv::Rect(140, 90, 20, 20)).setTo(cv::Scalar::all(255));  // bright square right of centre
  // Hips at the centre, head to the right: the bright square must appear at the top of the crop.
  const RotatedRoi roi = roi_from_alignment_points({100, 100}, {150, 100}, 1.0f);
  const ImageTensorSpec spec{
      {64, 64}, {0, 255}, TensorLayout::Nhwc, TensorChannels::Bgr, CropBorder::Zero};
  const ImageTensor crop = image_to_tensor(image, crop_to_image_matrix(roi, spec.size), spec);
  cv::Mat gray;
  cv::extractChannel(cv::Mat(64, 64, CV_32FC3, const_cast<float*>(crop.tensor.data.data())), gray,
                     0);
  const cv::Moments m = cv::moments(gray);
  EXPECT_NEAR(m.m10 / m.m00, 32, 1.5);  // centroid of the bright square
  EXPECT_LT(m.m01 / m.m00, 8);
}

TEST(SsdDetections, MapFromTheLetterboxToImagePixels) {
  SsdDetection d;
  d.box = cv::Rect2f(0.25f, 0.5f, 0.5f, 0.25f);
  d.keypoints[1] = {0.5f, 0.5f};
  const SsdDetection in_image = detection_in_image(d, letterbox_roi({640, 480}));
  EXPECT_NEAR(in_image.box.x, 160, 1e-3);
  EXPECT_NEAR(in_image.box.y, 240, 1e-3);  // 0.5 * 640 - 80 px of padding
  EXPECT_NEAR(in_image.box.width, 320, 1e-3);
  EXPECT_NEAR(in_image.box.height, 160, 1e-3);
  EXPECT_NEAR(in_image.keypoints[1].x, 320, 1e-3);
  EXPECT_NEAR(in_image.keypoints[1].y, 240, 1e-3);
}

TEST(PoseRoi, LetterboxCoversTheWholeImageCentred) {
  const RotatedRoi roi = letterbox_roi({640, 480});
  EXPECT_FLOAT_EQ(roi.width, 640);
  const cv::Point2f corner = roi_to_image(roi, {0, 0});
  EXPECT_FLOAT_EQ(corner.x, 0);
  EXPECT_FLOAT_EQ(corner.y, -80);  // 80 px of padding above and below
}

TEST(PoseLandmarks, DecodeRefineProjectAndRotateWorld) {
  std::vector<float> raw(kPoseModelLandmarks * 5, 0.0f);
  raw[0] = 128, raw[1] = 64, raw[2] = 25.6f, raw[3] = 0, raw[4] = 100;
  std::vector<PoseLandmark> lms = decode_crop_landmarks(raw, 256);
  ASSERT_EQ(lms.size(), static_cast<std::size_t>(kPoseModelLandmarks));
  EXPECT_FLOAT_EQ(lms[0].x, 0.5f);
  EXPECT_FLOAT_EQ(lms[0].y, 0.25f);
  EXPECT_FLOAT_EQ(lms[0].z, 0.1f);
  EXPECT_FLOAT_EQ(lms[0].visibility, 0.5f);
  EXPECT_NEAR(lms[0].presence, 1.0f, 1e-6);

  // A confident heatmap blob centred one cell right of the landmark pulls it there.
  const int size = 64, channels = kPoseModelLandmarks;
  std::vector<float> heat(static_cast<std::size_t>(size) * size * channels, -20.0f);
  for (int dy = -1; dy <= 1; ++dy)
    for (int dx = -1; dx <= 1; ++dx) heat[((16 + dy) * size + (33 + dx)) * channels + 0] = 5.0f;
  refine_with_heatmap(lms, {heat, size, size, channels});
  EXPECT_NEAR(lms[0].x, 33.0f / 64, 1e-4);
  EXPECT_NEAR(lms[0].y, 16.0f / 64, 1e-4);
  // Weak heatmaps leave landmarks alone.
  EXPECT_FLOAT_EQ(lms[1].x, 0.0f);

  const RotatedRoi roi{{100, 100}, 80, 80, kPi / 2};
  const auto image = project_to_image(lms, roi);
  const cv::Point2f expected = roi_to_image(roi, {lms[0].x, lms[0].y});
  EXPECT_FLOAT_EQ(image[0].x, expected.x);
  EXPECT_FLOAT_EQ(image[0].y, expected.y);
  EXPECT_FLOAT_EQ(image[0].z, 0.1f * 80);

  std::vector<float> world(kPoseModelLandmarks * 3, 0.0f);
  world[0] = 1, world[1] = 0, world[2] = 0.3f;
  const auto w = decode_world_landmarks(world, kPi / 2);
  EXPECT_NEAR(w[0].x, 0, 1e-6);
  EXPECT_NEAR(w[0].y, 1, 1e-6);
  EXPECT_FLOAT_EQ(w[0].z, 0.3f);
}

TEST(PoseLandmarks, NextRoiComesFromTheAuxiliaryHipAndScalePoints) {
  std::vector<PoseLandmark> lms(kLandmarkCount + 2);
  lms[kLandmarkCount] = {300, 400, 0, 1, 1};
  lms[kLandmarkCount + 1] = {300, 250, 0, 1, 1};
  const RotatedRoi roi = roi_from_landmarks(lms);
  EXPECT_FLOAT_EQ(roi.center.x, 300);
  EXPECT_FLOAT_EQ(roi.width, 2 * 150 * 1.25f);
  EXPECT_NEAR(roi.rotation, 0, 1e-6);
  lms.resize(kLandmarkCount);
  EXPECT_THROW(roi_from_landmarks(lms), Error);
}

}  // namespace
}  // namespace am

#include "perception/pose_models.hpp"

#include <array>
#include <cmath>

#include <opencv2/imgproc.hpp>

#include "perception/image_tensor.hpp"
#include "perception/pose_landmark_decode.hpp"
#include "perception/pose_roi.hpp"

namespace am {

namespace {

constexpr int kDetectorSize = 224;
constexpr int kLandmarkSize = 256;
constexpr int kHeatmapSize = 64;
constexpr int64_t kAnchorCount = 2254;

cv::Mat mask_in_image(const Tensor& logits, const RotatedRoi& roi, cv::Size image) {
  cv::Mat crop(kLandmarkSize, kLandmarkSize, CV_32F, const_cast<float*>(logits.data.data()));
  cv::Mat prob;
  cv::exp(-crop, prob);
  prob = 1.0f / (1.0f + prob);
  cv::Mat out;
  cv::warpAffine(prob, out, crop_to_image_matrix(roi, {kLandmarkSize, kLandmarkSize}), image,
                 cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar::all(0));
  return out;
}

}  // namespace

std::string pose_landmark_model_file(PoseComplexity complexity) {
  switch (complexity) {
    case PoseComplexity::Lite:
      return "pose_landmark_lite.onnx";
    case PoseComplexity::Heavy:
      return "pose_landmark_heavy.onnx";
    case PoseComplexity::Full:
      break;
  }
  return "pose_landmark_full.onnx";
}

PoseDetector::PoseDetector(const std::filesystem::path& model, const SessionOptions& session,
                           const PoseDecodeOptions& decode, float nms_iou)
    : model_(model, "pose_detection", {{"input_1", {1, kDetectorSize, kDetectorSize, 3}}},
             {{"Identity", {1, kAnchorCount, 12}}, {"Identity_1", {1, kAnchorCount, 1}}}, session),
      anchors_(make_ssd_anchors(pose_detector_anchor_options())),
      decode_(decode),
      nms_iou_(nms_iou) {}

std::vector<PoseDetection> PoseDetector::detect(const cv::Mat& bgr) const {
  const RotatedRoi letterbox = letterbox_roi(bgr.size());
  const cv::Mat crop = crop_roi(bgr, letterbox, {kDetectorSize, kDetectorSize}, CropBorder::Zero);
  const std::vector<Tensor> out = run_nhwc(model_, rgb_nhwc(crop, 2.0f / 255, -1.0f));
  std::vector<PoseDetection> found =
      weighted_nms(decode_pose_detections(out[0].data, out[1].data, anchors_, decode_), nms_iou_);
  for (PoseDetection& d : found) {
    const cv::Point2f a = roi_to_image(letterbox, d.box.tl()),
                      b = roi_to_image(letterbox, d.box.br());
    d.box = cv::Rect2f(a, b);
    for (cv::Point2f& k : d.keypoints) k = roi_to_image(letterbox, k);
  }
  return found;
}

PoseLandmarker::PoseLandmarker(const std::filesystem::path& model, const SessionOptions& session)
    : model_(model, "pose_landmark", {{"input_1", {1, kLandmarkSize, kLandmarkSize, 3}}},
             {{"Identity", {1, kPoseModelLandmarks * 5}},
              {"Identity_1", {1, 1}},
              {"Identity_2", {1, kLandmarkSize, kLandmarkSize, 1}},
              {"Identity_3", {1, kHeatmapSize, kHeatmapSize, kPoseModelLandmarks}},
              {"Identity_4", {1, kPoseModelLandmarks * 3}}},
             session) {}

RoiLandmarks PoseLandmarker::estimate(const cv::Mat& bgr, const RotatedRoi& roi,
                                      bool with_mask) const {
  const cv::Mat crop = crop_roi(bgr, roi, {kLandmarkSize, kLandmarkSize}, CropBorder::Replicate);
  const std::vector<Tensor> out = run_nhwc(model_, rgb_nhwc(crop, 1.0f / 255, 0.0f));
  RoiLandmarks result;
  result.presence = out[1].data.at(0);
  std::vector<PoseLandmark> lms = decode_crop_landmarks(out[0].data, kLandmarkSize);
  refine_with_heatmap(lms, {out[3].data, kHeatmapSize, kHeatmapSize, kPoseModelLandmarks});
  lms.resize(kLandmarkCount + 2);
  result.landmarks = project_to_image(lms, roi);
  result.world = decode_world_landmarks(out[4].data, roi.rotation);
  if (with_mask) result.mask = mask_in_image(out[2], roi, bgr.size());
  return result;
}

}  // namespace am

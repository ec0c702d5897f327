#include "perception/pose/pose_models.hpp"

#include <array>
#include <cmath>

#include <opencv2/imgproc.hpp>

#include "perception/common/image_to_tensor.hpp"
#include "perception/common/rotated_roi.hpp"
#include "perception/common/ssd_detector.hpp"
#include "perception/pose/pose_landmark_decode.hpp"

namespace am {

namespace {

constexpr int kDetectorSize = 224;
constexpr int kLandmarkSize = 256;
constexpr int kHeatmapSize = 64;
constexpr int64_t kAnchorCount = 2254;

// Detector: the letterboxed image, RGB in [-1, 1]; landmarks: the rotated ROI, RGB in [0, 1].
const ImageTensorSpec kDetectorInput{{kDetectorSize, kDetectorSize},
                                     {-1.0f, 1.0f},
                                     TensorLayout::Nhwc,
                                     TensorChannels::Rgb,
                                     CropBorder::Zero};
const ImageTensorSpec kLandmarkInput{{kLandmarkSize, kLandmarkSize},
                                     {0.0f, 1.0f},
                                     TensorLayout::Nhwc,
                                     TensorChannels::Rgb,
                                     CropBorder::Replicate};

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
                           const SsdDecodeOptions& decode, float nms_iou)
    : model_(model, "pose_detection", {{"input_1", {1, kDetectorSize, kDetectorSize, 3}}},
             {{"Identity", {1, kAnchorCount, 12}}, {"Identity_1", {1, kAnchorCount, 1}}}, session),
      anchors_(make_ssd_anchors(pose_detector_anchor_options())),
      decode_(decode),
      nms_iou_(nms_iou) {}

std::vector<SsdDetection> PoseDetector::detect(const cv::Mat& bgr) const {
  return run_ssd_detector(model_, bgr, kDetectorInput, anchors_, decode_, nms_iou_);
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
  const ImageTensor input =
      image_to_tensor(bgr, crop_to_image_matrix(roi, kLandmarkInput.size), kLandmarkInput);
  const std::vector<Tensor> out = model_.run({input.tensor});
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

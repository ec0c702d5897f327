// The two BlazePose networks run on ONNX Runtime. PoseDetector takes a BGR image and gives the
// people found (weighted NMS applied), best first, box and keypoints in image pixels.
// PoseLandmarker takes a BGR image and a RotatedRoi and gives the pose presence, the 33 + 2
// auxiliary landmarks in image pixels (heatmap-refined), the 33 world landmarks in metres
// (turned by the ROI rotation) and, on request, the person mask in image space. Both load their
// model once in the constructor (InferError naming the file when it is missing or wrong) and
// are safe to call from several threads.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "infer/onnx_model.hpp"
#include "perception/common/ssd_anchors.hpp"
#include "perception/common/ssd_detections.hpp"
#include "perception/pose/pose_types.hpp"

namespace am {

inline constexpr const char* kPoseDetectionModelFile = "pose_detection.onnx";

enum class PoseComplexity { Lite, Full, Heavy };

// "pose_landmark_full.onnx" and so on.
std::string pose_landmark_model_file(PoseComplexity complexity);

class PoseDetector {
 public:
  explicit PoseDetector(const std::filesystem::path& model, const SessionOptions& session = {},
                        const SsdDecodeOptions& decode = {}, float nms_iou = 0.3f);

  std::vector<SsdDetection> detect(const cv::Mat& bgr) const;

 private:
  OnnxModel model_;
  std::vector<Anchor> anchors_;
  SsdDecodeOptions decode_;
  float nms_iou_;
};

struct RoiLandmarks {
  float presence = 0;
  std::vector<PoseLandmark> landmarks;  // 35: 33 body + hip centre + scale point, image pixels
  PoseLandmarks world{};                // 33, metres
  std::optional<cv::Mat> mask;          // CV_32F in [0, 1], image size
};

class PoseLandmarker {
 public:
  explicit PoseLandmarker(const std::filesystem::path& model, const SessionOptions& session = {});

  RoiLandmarks estimate(const cv::Mat& bgr, const RotatedRoi& roi, bool with_mask) const;

 private:
  OnnxModel model_;
};

}  // namespace am

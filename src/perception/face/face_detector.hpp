// Faces in an image: boxes from FaceBoxDetector, then for each face the 68 landmarks from
// FaceLandmarker and the 5 alignment points derived from them (five_points_from_68), ready for
// FaceEmbedder. Takes an 8-bit BGR image; gives faces best score first, all in image pixels.
// Loads fr_detect.onnx and fr_landmark.onnx from the models folder once, in the constructor.
#pragma once

#include <filesystem>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "perception/face/face_box_detector.hpp"
#include "perception/face/face_geometry.hpp"
#include "perception/face/face_landmarker.hpp"

namespace am {

inline constexpr const char* kFaceDetectModelFile = "fr_detect.onnx";
inline constexpr const char* kFaceLandmarkModelFile = "fr_landmark.onnx";
inline constexpr const char* kFaceFeatureModelFile = "fr_feature.onnx";

struct FaceDetection {
  cv::Rect2f box;
  float score = 0;
  std::vector<cv::Point2f> landmarks;  // 68, iBUG 300-W order
  FivePoints keypoints{};              // eye centres, nose tip, mouth corners (FivePoints order)
};

class FaceDetector {
 public:
  explicit FaceDetector(const std::filesystem::path& models_dir, FaceBoxOptions options = {},
                        const SessionOptions& session = {});

  std::vector<FaceDetection> detect(const cv::Mat& bgr) const;
  // The 68 and 5 points of faces another detector found (e.g. BlazeFaceDetector's far faces).
  std::vector<FaceDetection> describe(const cv::Mat& bgr,
                                      const std::vector<ScoredBox>& boxes) const;

 private:
  FaceBoxDetector boxes_;
  FaceLandmarker landmarker_;
};

}  // namespace am

// The person in a photo, cut out: MediaPipe's selfie segmentation model (selfie_segmentation.onnx
// from the models folder, loaded once in the constructor) run on a square view of the image, then
// again on squares along the person it found (two by default, so a full-body photo fills the
// model's view at twice the resolution), the largest person blob kept, and the mask refined
// against the image: GrabCut initialised from the model's mask (fixes regions the model fills in,
// like the gap between dark legs), then a guided filter for soft edges that follow the image.
// Takes an 8-bit BGR image; gives a soft 8-bit mask of the same size (255 = person) and the BGRA
// cut-out. An optional extra probability map (e.g. the pose model's segmentation) is averaged in.
#pragma once

#include <filesystem>

#include <opencv2/core/mat.hpp>

#include "infer/onnx_model.hpp"

namespace am {

inline constexpr const char* kSelfieSegmentationModelFile = "selfie_segmentation.onnx";

// None: the model's probability. GuidedFilter: that, edge-aware filtered. GrabCut: GrabCut's hard
// mask, then the guided filter (the most accurate, about 5x slower; figures in
// tests/integration/perception/test_segmentation.cpp).
enum class EdgeRefinement { None, GuidedFilter, GrabCut };

struct SegmentOptions {
  EdgeRefinement refinement = EdgeRefinement::GrabCut;
  bool person_crop = true;    // second pass on squares around the person found in the first
  int tiles = 2;              // squares along the person box's long side in the second pass
  double crop_margin = 0.1;   // of a square's side, on each side
  double edge_radius = 0.01;  // guided filter window, as a fraction of the image's long side
  double edge_eps = 1e-4;     // guided filter regularization
  cv::Mat extra_probability;  // optional, CV_32FC1 in [0,1] or CV_8UC1, same size as the image
};

struct SegmentationResult {
  cv::Mat mask;    // CV_8UC1, same size as the input, 0..255
  cv::Mat cutout;  // CV_8UC4 BGRA, alpha = mask
};

class Segmenter {
 public:
  explicit Segmenter(const std::filesystem::path& models_dir, const SessionOptions& session = {});

  SegmentationResult segment(const cv::Mat& bgr, const SegmentOptions& options = {}) const;

  // The model's person probability (CV_32FC1 in [0,1], image size) before edge refinement.
  cv::Mat coarse_probability(const cv::Mat& bgr, const SegmentOptions& options = {}) const;

 private:
  cv::Mat probability_in(const cv::Mat& bgr, const cv::Rect& square) const;
  cv::Mat tiled_probability(const cv::Mat& bgr, const cv::Rect& person, int tiles,
                            double margin) const;

  OnnxModel model_;
};

}  // namespace am

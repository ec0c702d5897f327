#include "perception/face/blazeface_detector.hpp"

#include "perception/common/rotated_roi.hpp"
#include "perception/common/ssd_detector.hpp"

namespace am {
namespace {

constexpr int kInputSize = 192;
constexpr int64_t kAnchorCount = 2304;
constexpr int kCoords = 16;  // box centre x, y, width, height, then 6 keypoints x, y
// The letterboxed image, RGB in [-1, 1].
const ImageTensorSpec kInput{{kInputSize, kInputSize},
                             {-1.0f, 1.0f},
                             TensorLayout::Nhwc,
                             TensorChannels::Rgb,
                             CropBorder::Zero};

}  // namespace

SsdAnchorOptions blazeface_full_range_anchor_options() {
  SsdAnchorOptions o;
  o.input_width = o.input_height = kInputSize;
  o.strides = {4};
  o.interpolated_scale_aspect_ratio = 0;
  return o;
}

BlazeFaceDetector::BlazeFaceDetector(const std::filesystem::path& models_dir,
                                     BlazeFaceOptions options, const SessionOptions& session)
    : model_(models_dir / kBlazeFaceFullRangeModelFile, "face_detection_full_range",
             {{"input", {1, kInputSize, kInputSize, 3}}},
             {{"reshaped_regressor_face_4", {1, kAnchorCount, kCoords}},
              {"reshaped_classifier_face_4", {1, kAnchorCount, 1}}},
             session),
      anchors_(make_ssd_anchors(blazeface_full_range_anchor_options())),
      options_(options) {}

std::vector<ScoredBox> BlazeFaceDetector::detect(const cv::Mat& bgr) const {
  SsdDecodeOptions decode;
  decode.num_coords = kCoords;
  decode.x_scale = decode.y_scale = decode.w_scale = decode.h_scale = kInputSize;
  decode.min_score = options_.min_score;
  std::vector<ScoredBox> faces;
  for (const SsdDetection& d :
       run_ssd_detector(model_, bgr, kInput, anchors_, decode, options_.nms_iou)) {
    faces.push_back({d.box, d.score});
  }
  return faces;
}

}  // namespace am

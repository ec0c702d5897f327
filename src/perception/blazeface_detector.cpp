#include "perception/blazeface_detector.hpp"

#include "perception/image_tensor.hpp"
#include "perception/pose_detection_decode.hpp"
#include "perception/pose_roi.hpp"

namespace am {
namespace {

constexpr int kInputSize = 192;
constexpr int64_t kAnchorCount = 2304;
constexpr int kCoords = 16;  // box centre x, y, width, height, then 6 keypoints x, y

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
  const RotatedRoi letterbox = letterbox_roi(bgr.size());
  const cv::Mat crop = crop_roi(bgr, letterbox, {kInputSize, kInputSize}, CropBorder::Zero);
  const std::vector<Tensor> out = run_nhwc(model_, rgb_nhwc(crop, 2.0f / 255, -1.0f));
  PoseDecodeOptions decode;
  decode.num_coords = kCoords;
  decode.x_scale = decode.y_scale = decode.w_scale = decode.h_scale = kInputSize;
  decode.min_score = options_.min_score;
  std::vector<ScoredBox> faces;
  for (const PoseDetection& d : weighted_nms(
           decode_pose_detections(out[0].data, out[1].data, anchors_, decode), options_.nms_iou)) {
    const cv::Point2f a = roi_to_image(letterbox, d.box.tl()),
                      b = roi_to_image(letterbox, d.box.br());
    faces.push_back({cv::Rect2f(a, b), d.score});
  }
  return faces;
}

}  // namespace am

#include "perception/common/ssd_detector.hpp"

#include "perception/common/rotated_roi.hpp"

namespace am {

std::vector<SsdDetection> run_ssd_detector(const OnnxModel& model, const cv::Mat& bgr,
                                           const ImageTensorSpec& input,
                                           const std::vector<Anchor>& anchors,
                                           const SsdDecodeOptions& decode, float nms_iou) {
  const RotatedRoi letterbox = letterbox_roi(bgr.size());
  const ImageTensor tensor =
      image_to_tensor(bgr, crop_to_image_matrix(letterbox, input.size), input);
  const std::vector<Tensor> out = model.run({tensor.tensor});
  std::vector<SsdDetection> found =
      weighted_nms(decode_ssd_detections(out[0].data, out[1].data, anchors, decode), nms_iou);
  for (SsdDetection& d : found) d = detection_in_image(d, letterbox);
  return found;
}

}  // namespace am

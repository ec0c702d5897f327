// One run of a MediaPipe SSD detector (the BlazePose person detector, BlazeFace) on a whole image:
// the image letterboxed into the model's input (image_to_tensor with `input`), the raw boxes
// decoded against the anchors, merged by weighted NMS, and mapped back to image pixels. Gives
// the detections best first; an image with nobody gives none.
#pragma once

#include <vector>

#include <opencv2/core/mat.hpp>

#include "infer/onnx_model.hpp"
#include "perception/common/image_to_tensor.hpp"
#include "perception/common/ssd_detections.hpp"

namespace am {

std::vector<SsdDetection> run_ssd_detector(const OnnxModel& model, const cv::Mat& bgr,
                                           const ImageTensorSpec& input,
                                           const std::vector<Anchor>& anchors,
                                           const SsdDecodeOptions& decode, float nms_iou);

}  // namespace am

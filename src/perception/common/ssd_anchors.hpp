// SSD anchors as MediaPipe's SsdAnchorsCalculator makes them. Takes the anchor options; gives
// one anchor per output row of the detector, in the model's order (layer, row, column, then the
// anchors of that cell). Centres are normalized to [0, 1] of the detector input; with
// fixed_anchor_size every anchor is 1 x 1. pose_detector_anchor_options() are the options of
// MediaPipe's pose_detection_cpu graph, which give 2254 anchors.
#pragma once

#include <vector>

namespace am {

struct SsdAnchorOptions {
  int input_width = 224;
  int input_height = 224;
  float min_scale = 0.1484375f;
  float max_scale = 0.75f;
  float anchor_offset_x = 0.5f;
  float anchor_offset_y = 0.5f;
  std::vector<int> strides{8, 16, 32, 32, 32};
  std::vector<float> aspect_ratios{1.0f};
  float interpolated_scale_aspect_ratio = 1.0f;
  bool reduce_boxes_in_lowest_layer = false;
  bool fixed_anchor_size = true;
};

struct Anchor {
  float x_center = 0, y_center = 0, width = 0, height = 0;
};

SsdAnchorOptions pose_detector_anchor_options();

std::vector<Anchor> make_ssd_anchors(const SsdAnchorOptions& options);

}  // namespace am

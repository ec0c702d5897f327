#include "perception/common/ssd_anchors.hpp"

#include <cmath>
#include <cstddef>

namespace am {

namespace {

float layer_scale(const SsdAnchorOptions& o, std::size_t layer) {
  const std::size_t layers = o.strides.size();
  if (layers == 1) return (o.min_scale + o.max_scale) * 0.5f;
  return o.min_scale +
         (o.max_scale - o.min_scale) * static_cast<float>(layer) / static_cast<float>(layers - 1);
}

struct AnchorShape {
  float aspect_ratio;
  float scale;
};

// Anchor shapes of one layer, following SsdAnchorsCalculator.
void add_layer_shapes(const SsdAnchorOptions& o, std::size_t layer,
                      std::vector<AnchorShape>& shapes) {
  if (layer == 0 && o.reduce_boxes_in_lowest_layer) {
    shapes.push_back({1.0f, 0.1f});
    shapes.push_back({2.0f, layer_scale(o, layer)});
    shapes.push_back({0.5f, layer_scale(o, layer)});
    return;
  }
  for (float ratio : o.aspect_ratios) shapes.push_back({ratio, layer_scale(o, layer)});
  if (o.interpolated_scale_aspect_ratio > 0) {
    const float next = layer + 1 == o.strides.size() ? 1.0f : layer_scale(o, layer + 1);
    shapes.push_back({o.interpolated_scale_aspect_ratio, std::sqrt(layer_scale(o, layer) * next)});
  }
}

}  // namespace

SsdAnchorOptions pose_detector_anchor_options() { return {}; }

std::vector<Anchor> make_ssd_anchors(const SsdAnchorOptions& o) {
  std::vector<Anchor> anchors;
  std::size_t layer = 0;
  while (layer < o.strides.size()) {
    std::vector<AnchorShape> shapes;
    std::size_t last = layer;
    // Consecutive layers with the same stride share one feature map.
    while (last < o.strides.size() && o.strides[last] == o.strides[layer]) {
      add_layer_shapes(o, last, shapes);
      ++last;
    }
    const int stride = o.strides[layer];
    const int rows = static_cast<int>(std::ceil(static_cast<float>(o.input_height) / stride));
    const int cols = static_cast<int>(std::ceil(static_cast<float>(o.input_width) / stride));
    for (int y = 0; y < rows; ++y) {
      for (int x = 0; x < cols; ++x) {
        for (const AnchorShape& s : shapes) {
          Anchor a;
          a.x_center = (x + o.anchor_offset_x) / cols;
          a.y_center = (y + o.anchor_offset_y) / rows;
          const float ratio = std::sqrt(s.aspect_ratio);
          a.width = o.fixed_anchor_size ? 1.0f : s.scale * ratio;
          a.height = o.fixed_anchor_size ? 1.0f : s.scale / ratio;
          anchors.push_back(a);
        }
      }
    }
    layer = last;
  }
  return anchors;
}

}  // namespace am

// The mesh seen back through its camera. Takes a mesh in the model frame and the ImageToModel
// map of the image it was built from; gives its orthographic silhouette in that image (0/255,
// every triangle filled with sub-pixel vertex positions) and the IoU of that silhouette with a
// person mask. A faithful reconstruction reproduces the mask it was built from.
#pragma once

#include <opencv2/core/mat.hpp>

#include "avatar/types.hpp"

namespace am::builder {

cv::Mat render_silhouette(const avatar::Mesh& mesh, const avatar::ImageToModel& frame,
                          cv::Size size);

// IoU of render_silhouette() with mask >= 128.
double silhouette_iou(const avatar::Mesh& mesh, const avatar::ImageToModel& frame,
                      const cv::Mat& mask);

}  // namespace am::builder

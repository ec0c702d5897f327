// The mesh seen back through its camera. Takes a mesh in the model frame and the ImageToModel
// map of the image it was built from; gives the IoU of its orthographic silhouette
// (avatar::render_silhouette) with a person mask. A faithful reconstruction reproduces the mask
// it was built from.
#pragma once

#include <opencv2/core/mat.hpp>

#include "avatar/types.hpp"

namespace am::builder {

// IoU of avatar::render_silhouette() with mask >= 128.
double silhouette_iou(const avatar::Mesh& mesh, const avatar::ImageToModel& frame,
                      const cv::Mat& mask);

}  // namespace am::builder

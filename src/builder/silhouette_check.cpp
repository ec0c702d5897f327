#include "builder/silhouette_check.hpp"

#include <opencv2/imgproc.hpp>

#include "avatar/depth_raster.hpp"
#include "perception/segmentation/mask_refine.hpp"

namespace am::builder {

double silhouette_iou(const avatar::Mesh& mesh, const avatar::ImageToModel& frame,
                      const cv::Mat& mask) {
  return mask_iou(avatar::render_silhouette(mesh, frame, mask.size()), mask);
}

}  // namespace am::builder

#include "builder/silhouette_check.hpp"

#include <array>

#include <opencv2/imgproc.hpp>

#include "perception/segmentation/mask_refine.hpp"

namespace am::builder {

cv::Mat render_silhouette(const avatar::Mesh& mesh, const avatar::ImageToModel& frame,
                          cv::Size size) {
  constexpr int kShift = 4;  // fixed-point fraction bits for sub-pixel vertices
  cv::Mat out = cv::Mat::zeros(size, CV_8UC1);
  for (Eigen::Index f = 0; f < mesh.F.rows(); ++f) {
    std::array<cv::Point, 3> tri;
    for (int k = 0; k < 3; ++k) {
      const Eigen::Vector2f p = frame.to_pixel(mesh.V.row(mesh.F(f, k)).transpose());
      tri[k] = cv::Point(cvRound(p.x() * (1 << kShift)), cvRound(p.y() * (1 << kShift)));
    }
    cv::fillConvexPoly(out, tri.data(), 3, 255, cv::LINE_8, kShift);
  }
  return out;
}

double silhouette_iou(const avatar::Mesh& mesh, const avatar::ImageToModel& frame,
                      const cv::Mat& mask) {
  return mask_iou(render_silhouette(mesh, frame, mask.size()), mask);
}

}  // namespace am::builder

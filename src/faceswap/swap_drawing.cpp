#include "faceswap/swap_drawing.hpp"

#include <string>
#include <vector>

#include <opencv2/imgproc.hpp>

namespace am {

namespace {

void outline(cv::Mat& image, const cv::Mat& mask, cv::Point offset, const cv::Scalar& colour) {
  std::vector<std::vector<cv::Point>> contours;
  cv::findContours(mask.clone(), contours, cv::RETR_LIST, cv::CHAIN_APPROX_SIMPLE, offset);
  cv::drawContours(image, contours, -1, colour, 1, cv::LINE_AA);
}

cv::Rect faces_area(const SwapStats& stats, cv::Size frame) {
  cv::Rect area;
  for (const PastedFace& face : stats.faces) area = area.empty() ? face.region : area | face.region;
  if (area.empty()) return {{0, 0}, frame};
  const int pad = std::max(area.width, area.height) / 4;
  return cv::Rect(area.x - pad, area.y - pad, area.width + 2 * pad, area.height + 2 * pad) &
         cv::Rect({0, 0}, frame);
}

}  // namespace

cv::Mat draw_swap(const cv::Mat& before, const cv::Mat& after, const SwapStats& stats,
                  bool crop_to_faces) {
  cv::Mat marked = before.clone();
  for (std::size_t i = 0; i < stats.faces.size(); ++i) {
    const PastedFace& face = stats.faces[i];
    if (face.region.empty()) continue;
    outline(marked, face.mask, face.region.tl(), {0, 255, 255});
    outline(marked, face.kept, face.region.tl(), {0, 255, 0});
    const std::string label =
        "face " + std::to_string(stats.targets[i].id) + " <- " + std::to_string(stats.sources[i]);
    cv::putText(marked, label, face.region.tl() + cv::Point(2, 14), cv::FONT_HERSHEY_SIMPLEX, 0.5,
                {0, 255, 255}, 1, cv::LINE_AA);
  }
  const cv::Rect area =
      crop_to_faces ? faces_area(stats, before.size()) : cv::Rect({0, 0}, before.size());
  cv::Mat side_by_side;
  cv::hconcat(marked(area), after(area), side_by_side);
  if (crop_to_faces && side_by_side.cols > kMaxCroppedDrawWidth) {
    const double scale = static_cast<double>(kMaxCroppedDrawWidth) / side_by_side.cols;
    cv::resize(side_by_side, side_by_side, {}, scale, scale, cv::INTER_AREA);
  }
  return side_by_side;
}

}  // namespace am

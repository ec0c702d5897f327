#include "avatar/view_refine.hpp"

#include <cmath>

#include <opencv2/core.hpp>

#include "core/error.hpp"

namespace am::avatar {

namespace {

cv::Mat person_pixels(const cv::Mat& mask) { return mask >= 128; }

cv::Mat rendered_pixels(const DepthRaster& raster) { return raster.face >= 0; }

}  // namespace

FrameRender render_into_frame(const RiggedAvatar& avatar, const FrameObservation& frame) {
  PosedView view = pose_to_frame(avatar, frame.landmarks, frame.world, person_pixels(frame.mask));
  DepthRaster raster = rasterize_depth(view.mesh, view.camera, frame.image.size());
  return {std::move(view), std::move(raster)};
}

TexturePaint refine_from_frame(const RiggedAvatar& avatar, const FrameObservation& frame,
                               TexturePaint state, const PaintOptions& options) {
  const PosedView view =
      pose_to_frame(avatar, frame.landmarks, frame.world, person_pixels(frame.mask));
  return paint_from_view(view.mesh, view.camera, frame.image, frame.mask, std::move(state),
                         options);
}

double silhouette_iou(const DepthRaster& raster, const cv::Mat& mask) {
  const cv::Mat a = rendered_pixels(raster), b = person_pixels(mask);
  const int both = cv::countNonZero(a & b), any = cv::countNonZero(a | b);
  return any == 0 ? 0.0 : static_cast<double>(both) / any;
}

double masked_psnr(const cv::Mat& render, const cv::Mat& image, const cv::Mat& where) {
  const int n = cv::countNonZero(where);
  if (n == 0) throw Error("masked_psnr: no pixel to compare (the avatar misses the person)");
  cv::Mat diff;
  cv::absdiff(render, image, diff);
  diff.convertTo(diff, CV_32F);
  cv::Mat squared = diff.mul(diff);
  squared.setTo(0, where == 0);
  const cv::Scalar sq = cv::sum(squared);
  const double mse = (sq[0] + sq[1] + sq[2]) / (3.0 * n);
  return mse <= 0 ? 99.0 : 10.0 * std::log10(255.0 * 255.0 / mse);
}

cv::Mat covered_person(const DepthRaster& raster, const cv::Mat& mask) {
  return rendered_pixels(raster) & person_pixels(mask);
}

}  // namespace am::avatar

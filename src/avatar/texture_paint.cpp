#include "avatar/texture_paint.hpp"

#include <opencv2/imgproc.hpp>

#include "avatar/depth_raster.hpp"
#include "core/error.hpp"

namespace am::avatar {

namespace {

// What one frame offers a texel: its colour and how squarely the frame sees it (0 = not seen).
struct TexelView {
  cv::Vec3f colour;
  float weight = 0;
};

struct FrameView {
  const Mesh& posed;
  const ImageToModel& camera;
  const cv::Mat& frame;
  const cv::Mat& mask;
  const DepthRaster& raster;
  const PaintOptions& options;
};

TexelView view_of_point(const FrameView& v, const Eigen::Vector3f& point,
                        const Eigen::Vector3f& normal) {
  const float facing = normal.normalized().z();  // the camera looks along -Z
  if (!(facing > v.options.min_facing)) return {};
  const Eigen::Vector2f px = v.camera.to_pixel(point);
  const int x = static_cast<int>(std::lround(px.x())), y = static_cast<int>(std::lround(px.y()));
  if (x < 0 || y < 0 || x >= v.frame.cols || y >= v.frame.rows) return {};
  if (v.mask.at<uint8_t>(y, x) < 128) return {};
  if (point.z() < v.raster.depth.at<float>(y, x) - v.options.depth_tolerance_m) return {};
  return {sample_bgr(v.frame, px), facing};
}

// Adds one view of texel (x, y) to its blend (texture_paint.hpp).
void blend_texel(const TexelView& seen, int x, int y, float band, TexturePaint& state) {
  float& best = state.weight.at<float>(y, x);
  if (seen.weight <= 0 || seen.weight < best - band) return;
  float& weight_sum = state.weight_sum.at<float>(y, x);
  cv::Vec3f& colour_sum = state.colour_sum.at<cv::Vec3f>(y, x);
  if (seen.weight - band > best) weight_sum = 0, colour_sum = cv::Vec3f::all(0);
  best = std::max(best, seen.weight);
  const float w = seen.weight * seen.weight;
  weight_sum += w;
  colour_sum += w * seen.colour;
  state.atlas.at<cv::Vec3b>(y, x) = cv::Vec3b(colour_sum / weight_sum);
}

void paint_face(const FrameView& v, Eigen::Index f, TexturePaint& state) {
  const Eigen::Vector3i verts = v.posed.F.row(f).transpose();
  scan_triangle(texel_face(v.posed, f, state.atlas.size()), state.atlas.size(),
                [&](int x, int y, const Eigen::Vector3f& bary) {
                  const TexelView seen = view_of_point(v, blend_rows(v.posed.V, verts, bary),
                                                       blend_rows(v.posed.N, verts, bary));
                  blend_texel(seen, x, y, v.options.blend_band, state);
                });
}

void check_inputs(const Mesh& posed, const cv::Mat& frame, const cv::Mat& mask,
                  const TexturePaint& state) {
  if (frame.type() != CV_8UC3 || mask.type() != CV_8UC1 || frame.size() != mask.size())
    throw Error("paint_from_view: the frame must be 8-bit BGR with an 8-bit mask of its size");
  if (state.atlas.type() != CV_8UC3 || state.weight.size() != state.atlas.size() ||
      state.colour_sum.size() != state.atlas.size() ||
      state.weight_sum.size() != state.atlas.size())
    throw Error("paint_from_view: start the paint state with start_paint(atlas)");
  if (posed.FUV.rows() != posed.F.rows() || posed.N.rows() != posed.V.rows())
    throw Error("paint_from_view: the posed mesh needs FUV per face and a normal per vertex");
}

// The person mask less a band of margin_px along its edge, where the colour is half background.
cv::Mat inner_mask(const cv::Mat& mask, int margin_px) {
  if (margin_px <= 0) return mask;
  cv::Mat inner;
  cv::erode(mask, inner,
            cv::getStructuringElement(cv::MORPH_ELLIPSE, {2 * margin_px + 1, 2 * margin_px + 1}));
  return inner;
}

}  // namespace

TexturePaint start_paint(const cv::Mat& atlas, const PaintOptions& options) {
  if (atlas.empty() || atlas.type() != CV_8UC3)
    throw Error("start_paint: the atlas must be a non-empty 8-bit BGR image");
  TexturePaint state{atlas.clone(), cv::Mat::zeros(atlas.size(), CV_32FC1), cv::Mat(),
                     cv::Mat::ones(atlas.size(), CV_32FC1)};
  atlas.convertTo(state.colour_sum, CV_32FC3);
  state.weight.colRange(0, atlas.cols / 2).setTo(options.front_weight);
  return state;
}

TexturePaint paint_from_view(const Mesh& posed, const ImageToModel& camera, const cv::Mat& frame,
                             const cv::Mat& mask, TexturePaint state, const PaintOptions& options) {
  check_inputs(posed, frame, mask, state);
  state = {state.atlas.clone(), state.weight.clone(), state.colour_sum.clone(),
           state.weight_sum.clone()};  // a value: the caller's copy stays
  const DepthRaster raster = rasterize_depth(posed, camera, frame.size());
  const cv::Mat inner = inner_mask(mask, options.mask_margin_px);
  const FrameView view{posed, camera, frame, inner, raster, options};
  for (Eigen::Index f = 0; f < posed.F.rows(); ++f) paint_face(view, f, state);
  return state;
}

}  // namespace am::avatar

#include "avatar/texture_paint.hpp"

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

void paint_face(const FrameView& v, Eigen::Index f, TexturePaint& state) {
  const Eigen::Vector3i verts = v.posed.F.row(f).transpose();
  scan_triangle(texel_face(v.posed, f, state.atlas.size()), state.atlas.size(),
                [&](int x, int y, const Eigen::Vector3f& bary) {
                  const TexelView seen = view_of_point(v, blend_rows(v.posed.V, verts, bary),
                                                       blend_rows(v.posed.N, verts, bary));
                  float& best = state.weight.at<float>(y, x);
                  if (seen.weight <= best) return;
                  best = seen.weight;
                  state.atlas.at<cv::Vec3b>(y, x) = cv::Vec3b(seen.colour);
                });
}

void check_inputs(const Mesh& posed, const cv::Mat& frame, const cv::Mat& mask,
                  const TexturePaint& state) {
  if (frame.type() != CV_8UC3 || mask.type() != CV_8UC1 || frame.size() != mask.size())
    throw Error("paint_from_view: the frame must be 8-bit BGR with an 8-bit mask of its size");
  if (state.atlas.type() != CV_8UC3 || state.weight.size() != state.atlas.size())
    throw Error("paint_from_view: start the paint state with start_paint(atlas)");
  if (posed.FUV.rows() != posed.F.rows() || posed.N.rows() != posed.V.rows())
    throw Error("paint_from_view: the posed mesh needs FUV per face and a normal per vertex");
}

}  // namespace

TexturePaint start_paint(const cv::Mat& atlas, const PaintOptions& options) {
  if (atlas.empty() || atlas.type() != CV_8UC3)
    throw Error("start_paint: the atlas must be a non-empty 8-bit BGR image");
  TexturePaint state{atlas.clone(), cv::Mat::zeros(atlas.size(), CV_32FC1)};
  state.weight.colRange(0, atlas.cols / 2).setTo(options.front_weight);
  return state;
}

TexturePaint paint_from_view(const Mesh& posed, const ImageToModel& camera, const cv::Mat& frame,
                             const cv::Mat& mask, TexturePaint state, const PaintOptions& options) {
  check_inputs(posed, frame, mask, state);
  state = {state.atlas.clone(), state.weight.clone()};  // a value: the caller's copy stays
  const DepthRaster raster = rasterize_depth(posed, camera, frame.size());
  const FrameView view{posed, camera, frame, mask, raster, options};
  for (Eigen::Index f = 0; f < posed.F.rows(); ++f) paint_face(view, f, state);
  return state;
}

}  // namespace am::avatar

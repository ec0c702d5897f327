#include "avatar/reconstruct.hpp"

#include <algorithm>

#include <opencv2/imgproc.hpp>

#include "avatar/arm_contact.hpp"
#include "avatar/head_colours.hpp"
#include "avatar/image_frame.hpp"
#include "avatar/mesh_ops.hpp"
#include "avatar/reconstruct_surface.hpp"
#include "avatar/reconstruct_texture.hpp"
#include "core/error.hpp"

namespace am::avatar {
namespace {

constexpr double kSmallHoleFraction = 0.01;

void check_inputs(const PersonView& view) {
  if (view.image.empty() || view.image.type() != CV_8UC3)
    throw Error("avatar: the photo must be an 8-bit BGR image; check the image decoding");
  if (view.mask.size() != view.image.size() || view.mask.type() != CV_8UC1)
    throw Error("avatar: the person mask must be 8-bit, one channel, the photo's size");
}

struct VertexList {
  const ImageToModel& frame;
  std::vector<Eigen::Vector3f> positions;
  std::vector<Eigen::Vector2f> pixels;
  std::vector<VertexSide> side;

  int add_vertex(const Eigen::Vector2f& px, float z, VertexSide s) {
    const Eigen::Vector2f xy = frame.to_model_xy(px);
    positions.emplace_back(xy.x(), xy.y(), z);
    pixels.push_back(px);
    side.push_back(s);
    return static_cast<int>(positions.size()) - 1;
  }
};

}  // namespace

cv::Mat clean_person_mask(const cv::Mat& soft_mask) {
  cv::Mat binary = soft_mask >= 128;
  std::vector<std::vector<cv::Point>> contours;
  std::vector<cv::Vec4i> hierarchy;
  cv::findContours(binary, contours, hierarchy, cv::RETR_CCOMP, cv::CHAIN_APPROX_NONE);
  cv::Mat clean = cv::Mat::zeros(soft_mask.size(), CV_8UC1);
  int largest = -1;
  double largest_area = 0;
  for (int i = 0; i < static_cast<int>(contours.size()); ++i) {
    const double area = cv::contourArea(contours[i]);
    if (hierarchy[i][3] < 0 && area > largest_area) largest = i, largest_area = area;
  }
  if (largest < 0) return clean;
  cv::drawContours(clean, contours, largest, 255, cv::FILLED);
  for (int h = hierarchy[largest][2]; h >= 0; h = hierarchy[h][0])
    if (cv::contourArea(contours[h]) >= kSmallHoleFraction * largest_area)
      cv::drawContours(clean, contours, h, 0, cv::FILLED);
  return clean;
}

Reconstruction reconstruct(const PersonView& view, const ReconstructOptions& options) {
  check_inputs(view);
  Reconstruction out;
  out.binary_mask = clean_person_mask(view.mask);
  out.frame = estimate_image_to_model(view.landmarks, view.world, out.binary_mask);
  const float height_px = static_cast<float>(cv::boundingRect(out.binary_mask).height);
  const float step =
      options.grid_step_px > 0 ? options.grid_step_px : std::max(2.0f, height_px / 128.0f);
  const ArmSeparation separated = separate_arms_from_torso(out.binary_mask, view.landmarks, step);
  out.separated_mask = separated.mask;
  SilhouetteSheet sheet = triangulate_silhouette(out.separated_mask, step);
  close_cuts(separated.cuts, step, sheet.on_rim, sheet.points);
  if (sheet.triangles.empty())
    throw Error("avatar: the person mask is too small to build a mesh; use a larger photo");

  cv::Mat distance;
  cv::distanceTransform(out.separated_mask, distance, cv::DIST_L2, cv::DIST_MASK_PRECISE);
  const auto parts = make_body_parts(view.landmarks, view.world, distance, options.depth_ratios,
                                     out.frame.metres_per_pixel);
  const float blend_px = std::max(1.0f, options.blend_fraction * height_px);
  const TextureAtlas atlas = make_texture_atlas(
      view.image, out.binary_mask, parts,
      view.face_outline.empty() ? estimate_face_outline(view.landmarks) : view.face_outline);

  VertexList b{out.frame, {}, {}, {}};
  std::vector<int> front(sheet.points.size()), back(sheet.points.size());
  for (size_t i = 0; i < sheet.points.size(); ++i) {
    const Eigen::Vector2f& px = sheet.points[i];
    const SurfaceDepth d = surface_depth_at(parts, distance, px, blend_px);
    const float mpp = out.frame.metres_per_pixel;
    if (sheet.on_rim[i]) {
      front[i] = back[i] = b.add_vertex(px, d.centre_z, VertexSide::kRim);
    } else {
      front[i] = b.add_vertex(px, d.centre_z + d.front_half_px * mpp, VertexSide::kFront);
      back[i] = b.add_vertex(px, d.centre_z - d.back_half_px * mpp, VertexSide::kBack);
    }
  }

  Mesh& m = out.mesh;
  const Eigen::Index nv = static_cast<Eigen::Index>(b.positions.size());
  const Eigen::Index nt = static_cast<Eigen::Index>(sheet.triangles.size());
  m.V.resize(nv, 3);
  out.pixels.resize(nv, 2);
  for (Eigen::Index v = 0; v < nv; ++v) {
    m.V.row(v) = b.positions[v].transpose();
    out.pixels.row(v) = b.pixels[v].transpose();
  }
  // UVs: one front and one back texture coordinate per vertex, UV rows 2v and 2v + 1.
  m.UV.resize(2 * nv, 2);
  for (Eigen::Index v = 0; v < nv; ++v) {
    m.UV.row(2 * v) = atlas.front_uv(b.pixels[v]).transpose();
    m.UV.row(2 * v + 1) = atlas.back_uv(b.pixels[v]).transpose();
  }
  m.F.resize(2 * nt, 3);
  m.FUV.resize(2 * nt, 3);
  for (Eigen::Index t = 0; t < nt; ++t) {
    const Eigen::Vector3i& tri = sheet.triangles[t];
    m.F.row(t) << front[tri[0]], front[tri[1]], front[tri[2]];
    m.F.row(nt + t) << back[tri[0]], back[tri[2]], back[tri[1]];  // reversed: faces -Z
  }
  m.FUV.topRows(nt) = 2 * m.F.topRows(nt);
  m.FUV.bottomRows(nt) = 2 * m.F.bottomRows(nt).array() + 1;
  m.N = vertex_normals(m.V, m.F);
  m.texture = atlas.image;
  out.texture_crop = atlas.crop;
  out.side = std::move(b.side);
  return out;
}

}  // namespace am::avatar

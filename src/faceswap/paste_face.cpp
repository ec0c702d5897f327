#include "faceswap/paste_face.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include <opencv2/imgproc.hpp>

#include "faceswap/blend.hpp"
#include "faceswap/color_transfer.hpp"
#include "faceswap/detail_transfer.hpp"
#include "faceswap/lip_triangulation.hpp"
#include "faceswap/piecewise_warp.hpp"
#include "faceswap/skin_mask.hpp"
#include "faceswap/visible_triangles.hpp"
#include "perception/face/face_mesh_topology.hpp"

namespace am {

namespace {

cv::Rect padded_box(std::span<const cv::Point2f> points, float pad_fraction, cv::Size image) {
  const cv::Rect2f b = cv::boundingRect(std::vector<cv::Point2f>(points.begin(), points.end()));
  const float pad = pad_fraction * std::max(b.width, b.height) + 2;
  const cv::Rect box(
      cv::Point(static_cast<int>(std::floor(b.x - pad)), static_cast<int>(std::floor(b.y - pad))),
      cv::Point(static_cast<int>(std::ceil(b.br().x + pad)),
                static_cast<int>(std::ceil(b.br().y + pad))));
  return box & cv::Rect({0, 0}, image);
}

constexpr float kFeatureMargin = 0.02f;  // of the face's size, around eyes, brows and lips

cv::Mat disc(int radius) {
  return cv::getStructuringElement(cv::MORPH_ELLIPSE, {2 * radius + 1, 2 * radius + 1});
}

template <std::size_t N>
std::vector<cv::Point2f> polygon(std::span<const cv::Point2f> points,
                                 const std::array<int, N>& indices, cv::Point2f origin) {
  std::vector<cv::Point2f> out;
  out.reserve(N);
  for (const int i : indices) out.push_back(points[i] - origin);
  return out;
}

// The polygon scaled by `factor` about its centroid.
std::vector<cv::Point2f> shrunk(std::vector<cv::Point2f> polygon, float factor) {
  cv::Point2f centre(0, 0);
  for (const cv::Point2f& p : polygon) centre += p;
  centre *= 1.0f / static_cast<float>(std::max<std::size_t>(polygon.size(), 1));
  for (cv::Point2f& p : polygon) p = centre + factor * (p - centre);
  return polygon;
}

// The target's face oval, shrunk by the inset, where the warp covers it.
cv::Mat face_mask(std::span<const cv::Point2f> points, const cv::Rect& region,
                  const cv::Mat& coverage, const PasteOptions& options) {
  const cv::Point2f origin(static_cast<float>(region.x), static_cast<float>(region.y));
  cv::Mat mask = face_blend_mask(region.size(), polygon(points, kMeshFaceOval, origin), {});
  const int inset =
      cvRound(options.inset * static_cast<float>(std::max(region.width, region.height)));
  if (inset > 0) cv::erode(mask, mask, disc(inset));
  return mask & coverage;
}

// The target's features that show through: inside the inner lips and/or the eyelids.
cv::Mat kept_features(std::span<const cv::Point2f> points, const cv::Rect& region,
                      const PasteOptions& options) {
  const cv::Point2f origin(static_cast<float>(region.x), static_cast<float>(region.y));
  cv::Mat kept = cv::Mat::zeros(region.size(), CV_8U);
  if (options.keep_eyes)
    for (auto eye : {polygon(points, kMeshLeftEye, origin), polygon(points, kMeshRightEye, origin)})
      kept |= face_blend_mask(region.size(), shrunk(std::move(eye), options.eye_scale), {});
  if (options.keep_mouth)
    kept |= face_blend_mask(region.size(), polygon(points, kMeshInnerLips, origin), {});
  return kept;
}

// The eyes with their brows and the lips, grown by `grow` pixels: the face's own features, never
// taken for something covering it.
cv::Mat features(std::span<const cv::Point2f> points, const cv::Rect& region, int grow) {
  const cv::Point2f origin(static_cast<float>(region.x), static_cast<float>(region.y));
  cv::Mat out = cv::Mat::zeros(region.size(), CV_8U);
  auto fill_hull = [&](const std::vector<cv::Point2f>& part) {
    std::vector<cv::Point2f> hull;
    cv::convexHull(part, hull);
    out |= face_blend_mask(region.size(), hull, {});
  };
  for (const auto& [eye, brow] :
       {std::pair{kMeshRightEye, kMeshRightBrow}, std::pair{kMeshLeftEye, kMeshLeftBrow}}) {
    std::vector<cv::Point2f> part = polygon(points, eye, origin);
    const std::vector<cv::Point2f> above = polygon(points, brow, origin);
    part.insert(part.end(), above.begin(), above.end());
    fill_hull(part);
  }
  fill_hull(polygon(points, kMeshOuterLips, origin));
  if (grow > 0) cv::dilate(out, out, disc(grow));
  return out;
}

// The band of the mask within `width` pixels of its edge: where the pasted face meets the target.
cv::Mat edge_band(const cv::Mat& mask, int width) {
  cv::Mat core;
  cv::erode(mask, core, disc(width));
  return mask & ~core;
}

// The face's skin: the mask without the kept features and their fade.
cv::Mat skin(const cv::Mat& mask, const cv::Mat& kept, int fade) {
  cv::Mat around;
  cv::dilate(kept, around, disc(std::max(fade, 1)));
  return mask & ~around;
}

}  // namespace

SourceFace make_source_face(const cv::Mat& bgr, std::span<const cv::Point2f> points) {
  const cv::Rect crop = padded_box(points, 0.25f, bgr.size());
  SourceFace face{bgr(crop).clone(), {}, {}};
  const cv::Point2f origin(static_cast<float>(crop.x), static_cast<float>(crop.y));
  for (const cv::Point2f& p : points) face.points.push_back(p - origin);
  face.triangles = lip_aware_triangles(face.points);
  return face;
}

PastedFace paste_face(cv::Mat& target, const SourceFace& source,
                      std::span<const cv::Point2f> target_points, const PasteOptions& options,
                      const cv::Mat& occluded, std::span<const float> target_depth) {
  const cv::Rect region = padded_box(target_points, 0.02f, target.size());
  if (region.width < 8 || region.height < 8) return {};
  const VisibleTriangles shown = visible_triangles(source.points, target_points, target_depth,
                                                   source.triangles, options.max_stretch);
  WarpedPatch patch = warp_piecewise_affine(source.image, source.points, target_points,
                                            shown.triangles, region, shown.trusted);
  PastedFace pasted{region, face_mask(target_points, region, patch.coverage, options),
                    kept_features(target_points, region, options)};
  if (!occluded.empty()) pasted.kept |= occluded(region) > 0;
  cv::Mat destination = target(region);
  const float size = static_cast<float>(std::max(region.width, region.height));
  if (options.keep_covering) {
    const cv::Mat own = features(target_points, region, cvRound(kFeatureMargin * size));
    pasted.mask &= ~covering_the_skin(patch.image, pasted.mask, own);
    pasted.kept |= covering_the_skin(destination, pasted.mask, own);
  }
  const float keep_feather = options.keep_feather * size;
  const cv::Mat skin_mask = skin(pasted.mask, pasted.kept, cvRound(keep_feather));
  if (options.color_transfer) transfer_color_lab(patch.image, destination, skin_mask);
  if (options.match_shading)
    match_shading(patch.image, destination, skin_mask, options.shading_sigma * size);
  const float feather = options.feather * size;
  if (options.match_detail)
    match_detail(patch.image, destination, edge_band(pasted.mask, std::max(cvRound(feather), 2)));
  if (options.blend == BlendMode::Seamless) {
    blend_seamless(destination, patch.image, pasted.mask & ~pasted.kept);
  } else {
    const cv::Mat alpha = feathered_alpha(pasted.mask, feather);
    blend_feathered(destination, patch.image,
                    alpha.mul(1.0 - kept_alpha(pasted.kept, keep_feather)));
  }
  return pasted;
}

}  // namespace am

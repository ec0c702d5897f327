// The synthetic person run through reconstruction, rigging and skin weights once per test
// binary, plus small measurements the avatar tests share.
#pragma once

#include <opencv2/imgproc.hpp>

#include "avatar/depth_raster.hpp"
#include "avatar/reconstruct.hpp"
#include "avatar/silhouette_visibility.hpp"
#include "avatar/skeleton.hpp"
#include "avatar/skin_weights.hpp"
#include "unit/avatar/synthetic_person.hpp"

namespace am::test {

struct BuiltAvatar {
  SyntheticPerson person;
  avatar::Reconstruction rec;
  BindPose skeleton;
  avatar::SkinWeights weights;
};

inline const BuiltAvatar& built_avatar() {
  static const BuiltAvatar built = [] {
    BuiltAvatar b;
    b.person = make_synthetic_person();
    b.rec = avatar::reconstruct(b.person.view);
    b.skeleton = avatar::build_skeleton(b.person.view.world, b.rec.frame);
    avatar::SkinWeightOptions options;
    options.visible = avatar::silhouette_visibility(b.rec.separated_mask, b.rec.frame);
    b.weights = avatar::compute_skin_weights(b.rec.mesh, b.skeleton, options);
    return b;
  }();
  return built;
}

inline Eigen::Vector2f landmark_px(const BuiltAvatar& b, int i) {
  return {b.person.view.landmarks[i].x, b.person.view.landmarks[i].y};
}

// Indices of vertices whose image pixel lies within radius_px of the point.
inline std::vector<int> vertices_near(const BuiltAvatar& b, const Eigen::Vector2f& px,
                                      float radius_px) {
  std::vector<int> out;
  for (Eigen::Index v = 0; v < b.rec.pixels.rows(); ++v)
    if ((Eigen::Vector2f(b.rec.pixels.row(v)) - px).norm() < radius_px)
      out.push_back(static_cast<int>(v));
  return out;
}

}  // namespace am::test

#include "avatar/depth_fit.hpp"

#include "avatar/mesh_ops.hpp"
#include "avatar/skeleton.hpp"
#include "core/error.hpp"

namespace am::avatar {

namespace {

DepthGroup group_of(int bone) {
  switch (Bone(bone)) {
    case Bone::Neck:
    case Bone::Head:
      return DepthGroup::kHead;
    case Bone::LeftUpperArm:
    case Bone::LeftLowerArm:
    case Bone::LeftHand:
    case Bone::RightUpperArm:
    case Bone::RightLowerArm:
    case Bone::RightHand:
      return DepthGroup::kArms;
    case Bone::LeftUpperLeg:
    case Bone::LeftLowerLeg:
    case Bone::LeftFoot:
    case Bone::LeftToes:
    case Bone::RightUpperLeg:
    case Bone::RightLowerLeg:
    case Bone::RightFoot:
    case Bone::RightToes:
      return DepthGroup::kLegs;
    default:
      return DepthGroup::kTorso;
  }
}

// Model z of the point of the bone's segment nearest to p.
float bone_axis_z(const BindPose& skeleton, int bone, const Eigen::Vector3f& p) {
  const Eigen::Vector3f a = bone_head(skeleton, bone), b = bone_tail(skeleton, bone);
  const float len2 = (b - a).squaredNorm();
  const float t = len2 > 0 ? std::clamp((p - a).dot(b - a) / len2, 0.0f, 1.0f) : 0.0f;
  return a.z() + t * (b.z() - a.z());
}

}  // namespace

Mesh scale_depth(const RiggedAvatar& avatar, const DepthScales& scales) {
  Mesh out = avatar.rest;
  for (Eigen::Index v = 0; v < out.V.rows(); ++v) {
    const int bone = avatar.weights.joints(v, 0);
    const float s = scales[static_cast<int>(group_of(bone))];
    const float axis = bone_axis_z(avatar.skeleton, bone, avatar.rest.V.row(v).transpose());
    out.V(v, 2) = axis + s * (avatar.rest.V(v, 2) - axis);
  }
  out.N = vertex_normals(out.V, out.F);
  return out;
}

double mean_silhouette_iou(const RiggedAvatar& avatar,
                           const std::vector<FrameObservation>& frames) {
  double sum = 0;
  for (const FrameObservation& f : frames)
    sum += silhouette_iou(render_into_frame(avatar, f).raster, f.mask);
  return frames.empty() ? 0.0 : sum / static_cast<double>(frames.size());
}

DepthScales fit_depth_scales(const RiggedAvatar& avatar,
                             const std::vector<FrameObservation>& side_frames,
                             const DepthFitOptions& options) {
  if (side_frames.empty()) throw Error("fit_depth_scales: no side view to fit the depth to");
  DepthScales best;
  best.fill(1.0f);
  std::vector<PoseLandmarks> poses;
  poses.reserve(side_frames.size());
  for (const FrameObservation& f : side_frames)
    poses.push_back(pose_to_frame(avatar, f.landmarks, f.world, f.mask >= 128).pose);
  const auto score = [&](const DepthScales& s) {
    const Mesh mesh = scale_depth(avatar, s);
    const RiggedAvatar scaled{mesh, avatar.skeleton, avatar.weights, avatar.bind_world};
    double sum = 0;
    for (size_t i = 0; i < side_frames.size(); ++i) {
      const FrameObservation& f = side_frames[i];
      const cv::Mat person = f.mask >= 128;
      const PosedView view = pose_with(scaled, poses[i], f.landmarks, f.world, person);
      sum += silhouette_iou(rasterize_depth(view.mesh, view.camera, person.size()), person);
    }
    return sum / static_cast<double>(side_frames.size());
  };
  double best_score = score(best);
  for (int round = 0; round < options.rounds; ++round)
    for (int g = 0; g < kDepthGroups; ++g)
      for (float c : options.candidates) {
        DepthScales trial = best;
        trial[g] = c;
        if (const double s = score(trial); s > best_score) best_score = s, best = trial;
      }
  return best;
}

}  // namespace am::avatar

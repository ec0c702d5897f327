#include "avatar/skinning.hpp"

namespace am::avatar {

std::vector<Eigen::Affine3f> posed_global_transforms(
    const BindPose& skeleton, const std::vector<Eigen::Quaternionf>& local_rotations) {
  const auto local = local_rest_transforms(skeleton);
  std::vector<Eigen::Affine3f> posed(kBoneCount);
  for (int i = 0; i < kBoneCount; ++i) {
    const Eigen::Affine3f here =
        Eigen::Affine3f(local[i].matrix().cast<float>()) * Eigen::Affine3f(local_rotations.at(i));
    const auto parent = bone_parent(static_cast<Bone>(i));
    posed[i] = parent ? posed[index(*parent)] * here : here;
  }
  return posed;
}

Eigen::MatrixXf linear_blend_skinning(const Eigen::MatrixXf& V, const SkinWeights& weights,
                                      const BindPose& skeleton,
                                      const std::vector<Eigen::Affine3f>& posed_global) {
  const auto rest = global_rest_transforms(skeleton);
  std::vector<Eigen::Matrix4f> skin(rest.size());
  for (size_t j = 0; j < rest.size(); ++j)
    skin[j] = posed_global[j].matrix() * rest[j].inverse().matrix().cast<float>();
  Eigen::MatrixXf out(V.rows(), 3);
  for (Eigen::Index v = 0; v < V.rows(); ++v) {
    Eigen::Matrix4f blended = Eigen::Matrix4f::Zero();
    for (int k = 0; k < kMaxInfluences; ++k)
      blended += weights.weights(v, k) * skin[weights.joints(v, k)];
    out.row(v) = (blended * V.row(v).transpose().homogeneous()).head<3>().transpose();
  }
  return out;
}

}  // namespace am::avatar

// Cotangent Laplacian properties, heat-diffusion weights and linear blend skinning.
#include <gtest/gtest.h>

#include <cmath>

#include "avatar/cotangent_laplacian.hpp"
#include "avatar/landmarks.hpp"
#include "avatar/skinning.hpp"
#include "unit/avatar/avatar_fixture.hpp"

namespace am::test {
namespace {

TEST(AvatarLaplacian, SymmetricWithConstantsInItsNullSpace) {
  const auto& m = built_avatar().rec.mesh;
  const Eigen::SparseMatrix<double> L = avatar::cotangent_laplacian(m.V, m.F);
  EXPECT_LT((L * Eigen::VectorXd::Ones(L.cols())).cwiseAbs().maxCoeff(), 1e-9);
  EXPECT_LT(Eigen::SparseMatrix<double>(L - Eigen::SparseMatrix<double>(L.transpose())).norm(),
            1e-9);
  const Eigen::VectorXd x = m.V.col(0).cast<double>();  // Dirichlet energy -x'Lx >= 0
  EXPECT_GT(-x.dot(L * x), 0.0);
  double area = 0;
  for (Eigen::Index f = 0; f < m.F.rows(); ++f) {
    const Eigen::Vector3f a = m.V.row(m.F(f, 0)), b = m.V.row(m.F(f, 1)), c = m.V.row(m.F(f, 2));
    area += (b - a).cross(c - a).norm() / 2.0;
  }
  EXPECT_NEAR(avatar::lumped_vertex_areas(m.V, m.F).sum(), area, 1e-6 * area);
}

TEST(AvatarSkinWeights, NormalizedAtMostFourEveryVertexInfluenced) {
  const auto& a = built_avatar();
  const auto& w = a.weights;
  ASSERT_EQ(w.weights.rows(), a.rec.mesh.V.rows());
  ASSERT_EQ(w.weights.cols(), avatar::kMaxInfluences);
  for (Eigen::Index v = 0; v < w.weights.rows(); ++v) {
    EXPECT_NEAR(w.weights.row(v).sum(), 1.0f, 1e-6f);
    EXPECT_GT(w.weights(v, 0), 0.0f);
    EXPECT_GE(w.weights.row(v).minCoeff(), 0.0f);
    EXPECT_LT(w.joints.row(v).maxCoeff(), kBoneCount);
  }
}

// A piece of mesh no bone heats (here: every bone hidden) and a vertex no triangle uses make the
// heat system singular; the weights still come out, normalized, and the heated part keeps its.
TEST(AvatarSkinWeights, ASingularHeatSystemStillGivesNormalizedWeights) {
  const auto& a = built_avatar();
  avatar::SkinWeightOptions hidden;
  hidden.visible = [](const Eigen::Vector3f&, const Eigen::Vector3f&) { return false; };
  Eigen::MatrixXf V(a.rec.mesh.V.rows() + 1, 3);
  V << a.rec.mesh.V, Eigen::RowVector3f(5, 5, 5);  // unused by any face
  const avatar::SkinWeights w = avatar::keep_strongest_influences(
      avatar::heat_diffusion_weights(V, a.rec.mesh.F, a.skeleton, hidden));
  for (Eigen::Index v = 0; v < w.weights.rows(); ++v) {
    ASSERT_TRUE(w.weights.row(v).allFinite()) << "vertex " << v;
    EXPECT_NEAR(w.weights.row(v).sum(), 1.0f, 1e-5f);
  }
  const Eigen::MatrixXd heated = avatar::heat_diffusion_weights(V, a.rec.mesh.F, a.skeleton, {});
  const Eigen::MatrixXd plain =
      avatar::heat_diffusion_weights(a.rec.mesh.V, a.rec.mesh.F, a.skeleton, {});
  EXPECT_LT((heated.topRows(plain.rows()) - plain).cwiseAbs().maxCoeff(), 1e-4);
}

TEST(AvatarSkinWeights, ArmVerticesAreDominatedByArmBones) {
  using namespace avatar::lm;
  const auto& a = built_avatar();
  const std::vector<int> arm = {index(Bone::LeftUpperArm), index(Bone::LeftLowerArm),
                                index(Bone::LeftHand)};
  const std::pair<int, int> segments[] = {{kLeftShoulder, kLeftElbow}, {kLeftElbow, kLeftWrist}};
  int checked = 0;
  for (auto [i, j] : segments) {
    for (float t : {0.4f, 0.5f, 0.6f}) {
      const Eigen::Vector2f px = landmark_px(a, i) + t * (landmark_px(a, j) - landmark_px(a, i));
      for (int v : vertices_near(a, px, 8.0f)) {
        const int dominant = a.weights.joints(v, 0);
        EXPECT_NE(std::find(arm.begin(), arm.end(), dominant), arm.end()) << "vertex " << v;
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 20);
}

struct PosedArm {
  Eigen::MatrixXf rest, posed;
  Eigen::Vector3f pivot, axis;
};

// LeftUpperArm rotated 90 degrees about its rest Z axis (the body's forward axis).
PosedArm rotate_left_upper_arm() {
  const auto& a = built_avatar();
  const int bone = index(Bone::LeftUpperArm);
  std::vector<Eigen::Quaternionf> rot(kBoneCount, Eigen::Quaternionf::Identity());
  rot[bone] = Eigen::AngleAxisf(static_cast<float>(M_PI / 2), Eigen::Vector3f::UnitZ());
  const auto posed = avatar::posed_global_transforms(a.skeleton, rot);
  return {a.rec.mesh.V, avatar::linear_blend_skinning(a.rec.mesh.V, a.weights, a.skeleton, posed),
          avatar::bone_head(a.skeleton, bone),
          (a.skeleton.rest[bone] * Eigen::Vector3d::UnitZ()).cast<float>()};
}

TEST(AvatarSkinning, RotatingTheUpperArmMovesTheHandByArmLengthTimesSqrt2) {
  using namespace avatar::lm;
  const auto& a = built_avatar();
  const PosedArm p = rotate_left_upper_arm();
  const float arm_length = (avatar::bone_head(a.skeleton, index(Bone::LeftHand)) - p.pivot).norm();
  const auto hand = vertices_near(a, landmark_px(a, kLeftWrist), 6.0f);
  ASSERT_GT(hand.size(), 5u);
  for (int v : hand) {
    const float moved = (p.posed.row(v) - p.rest.row(v)).norm();
    EXPECT_NEAR(moved, arm_length * std::sqrt(2.0f), 0.1f * arm_length) << "vertex " << v;
  }
}

TEST(AvatarSkinning, RotatingTheUpperArmLeavesTheTorsoAndStretchesNoTriangle3x) {
  using namespace avatar::lm;
  const auto& a = built_avatar();
  const PosedArm p = rotate_left_upper_arm();
  const Eigen::Vector2f ls = landmark_px(a, kLeftShoulder), rs = landmark_px(a, kRightShoulder);
  const Eigen::Vector2f lh = landmark_px(a, kLeftHip), rh = landmark_px(a, kRightHip);
  const float shoulder_to_hip = lh.y() - ls.y();
  int torso = 0;
  for (Eigen::Index v = 0; v < p.rest.rows(); ++v) {
    const Eigen::Vector2f px = a.rec.pixels.row(v);
    // The torso below the armpits: the lower two thirds of the shoulder-hip quadrilateral.
    const float t = (px.y() - ls.y()) / shoulder_to_hip;
    const float left = rs.x() + t * (rh.x() - rs.x()), right = ls.x() + t * (lh.x() - ls.x());
    if (t < 1.0f / 3.0f || t > 0.9f || px.x() < left || px.x() > right) continue;
    EXPECT_LT((p.posed.row(v) - p.rest.row(v)).norm(), 0.01f)
        << "torso vertex " << v << " at pixel " << px.transpose() << " side "
        << static_cast<int>(a.rec.side[v]) << " led by bone " << a.weights.joints(v, 0);
    ++torso;
  }
  EXPECT_GT(torso, 100);
  const auto& F = a.rec.mesh.F;
  for (Eigen::Index f = 0; f < F.rows(); ++f)
    for (int k = 0; k < 3; ++k) {
      const int i = F(f, k), j = F(f, (k + 1) % 3);
      const float ratio =
          (p.posed.row(i) - p.posed.row(j)).norm() / (p.rest.row(i) - p.rest.row(j)).norm();
      EXPECT_LT(ratio, 3.0f) << "face " << f << " edge at pixel " << a.rec.pixels.row(i)
                             << " led by bones " << a.weights.joints(i, 0) << ", "
                             << a.weights.joints(j, 0);
    }
}

}  // namespace
}  // namespace am::test

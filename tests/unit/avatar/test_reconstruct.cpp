// Reconstruction of the synthetic person: closed manifold, silhouette, scale, proportions
// and texture.
#include <gtest/gtest.h>

#include <map>

#include "avatar/landmarks.hpp"
#include "avatar/reconstruct.hpp"
#include "core/error.hpp"
#include "unit/avatar/avatar_fixture.hpp"

namespace am::test {
namespace {

using avatar::VertexSide;

std::map<std::pair<int, int>, int> directed_edge_counts(const Eigen::MatrixXi& F) {
  std::map<std::pair<int, int>, int> count;
  for (Eigen::Index f = 0; f < F.rows(); ++f)
    for (int k = 0; k < 3; ++k) ++count[{F(f, k), F(f, (k + 1) % 3)}];
  return count;
}

TEST(AvatarReconstruct, MeshIsClosedOrientedManifoldOfGenusZero) {
  const auto& m = built_avatar().rec.mesh;
  ASSERT_GT(m.F.rows(), 1000);
  const auto directed = directed_edge_counts(m.F);
  for (const auto& [edge, n] : directed) {
    EXPECT_EQ(n, 1) << "edge " << edge.first << "-" << edge.second
                    << " repeated: inconsistent winding";
    EXPECT_TRUE(directed.count({edge.second, edge.first})) << "edge without a twin: a crack";
  }
  const long edges = static_cast<long>(directed.size()) / 2;
  EXPECT_EQ(m.V.rows() - edges + m.F.rows(), 2) << "Euler characteristic";
}

TEST(AvatarReconstruct, NoDegenerateFacesAndOutwardNormals) {
  const auto& m = built_avatar().rec.mesh;
  double volume = 0;
  for (Eigen::Index f = 0; f < m.F.rows(); ++f) {
    const Eigen::Vector3f a = m.V.row(m.F(f, 0)), b = m.V.row(m.F(f, 1)), c = m.V.row(m.F(f, 2));
    EXPECT_GT((b - a).cross(c - a).norm() / 2, 1e-9f) << "face " << f;
    volume += a.dot(b.cross(c)) / 6.0;
  }
  EXPECT_GT(volume, 0.02) << "signed volume (m^3) must be positive: faces wound outward";
  EXPECT_LT(volume, 0.15);
}

TEST(AvatarReconstruct, FrontViewReproducesTheSilhouette) {
  const auto& b = built_avatar();
  const cv::Mat rendered = render_silhouette(b.rec.mesh, b.rec.frame, b.person.view.mask.size());
  const cv::Mat reference = b.person.view.mask >= 128;
  const double inter = cv::countNonZero(rendered & reference);
  const double uni = cv::countNonZero(rendered | reference);
  EXPECT_GE(inter / uni, 0.95);
}

TEST(AvatarReconstruct, MetricScaleAndFeetOnTheFloor) {
  const auto& b = built_avatar();
  EXPECT_NEAR(b.rec.frame.metres_per_pixel, b.person.metres_per_pixel,
              0.02 * b.person.metres_per_pixel);
  const cv::Rect box = cv::boundingRect(b.person.view.mask >= 128);
  const float height = b.rec.mesh.V.col(1).maxCoeff() - b.rec.mesh.V.col(1).minCoeff();
  EXPECT_NEAR(height, box.height * b.person.metres_per_pixel, 0.02);
  EXPECT_NEAR(b.rec.mesh.V.col(1).minCoeff(), 0.0f, 0.01f);
}

// Thickness (front minus back z) and silhouette width (metres) at a pixel and direction.
struct CrossSection {
  float depth = 0, width = 0;
};

CrossSection cross_section(const BuiltAvatar& b, const Eigen::Vector2f& px,
                           const Eigen::Vector2f& across) {
  float front = -1e9f, back = 1e9f;
  for (int v : vertices_near(b, px, 3.0f)) {
    const float z = b.rec.mesh.V(v, 2);
    if (b.rec.side[v] == VertexSide::kFront) front = std::max(front, z);
    if (b.rec.side[v] == VertexSide::kBack) back = std::min(back, z);
  }
  // The silhouette run through px along `across`, not counting other body parts on the line.
  const auto run = [&](float dir) {
    float s = 0;
    for (;; s += 0.25f) {
      const Eigen::Vector2f q = px + dir * s * across.normalized();
      const int x = cvRound(q.x()), y = cvRound(q.y());
      if (x < 0 || y < 0 || x >= b.rec.binary_mask.cols || y >= b.rec.binary_mask.rows ||
          !b.rec.binary_mask.at<uint8_t>(y, x))
        return s;
    }
  };
  const float width_px = run(1) + run(-1);
  return {front - back, width_px * b.rec.frame.metres_per_pixel};
}

// Ranges and sources: docs/avatar.md ("Body proportions").
TEST(AvatarReconstruct, TorsoAndLimbCrossSectionsAreHuman) {
  using namespace avatar::lm;
  const auto& b = built_avatar();
  const Eigen::Vector2f chest =
      0.5f * (0.5f * (landmark_px(b, kLeftShoulder) + landmark_px(b, kRightShoulder)) +
              0.5f * (landmark_px(b, kLeftHip) + landmark_px(b, kRightHip)));
  const CrossSection torso = cross_section(b, chest, {1, 0});
  EXPECT_GE(torso.depth / torso.width, 0.6f);
  EXPECT_LE(torso.depth / torso.width, 0.9f);
  struct Limb {
    int a, b;
    float low, high;
  };
  const Limb limbs[] = {{kLeftHip, kLeftKnee, 0.8f, 1.25f},
                        {kRightKnee, kRightAnkle, 0.8f, 1.25f},
                        {kLeftShoulder, kLeftElbow, 0.8f, 1.25f},
                        {kRightElbow, kRightWrist, 0.7f, 1.1f}};  // the forearm is flatter
  for (const Limb& l : limbs) {
    const Eigen::Vector2f a = landmark_px(b, l.a), c = landmark_px(b, l.b), d = c - a;
    const CrossSection s = cross_section(b, 0.5f * (a + c), {-d.y(), d.x()});
    EXPECT_GE(s.depth / s.width, l.low) << "limb " << l.a << "-" << l.b;
    EXPECT_LE(s.depth / s.width, l.high) << "limb " << l.a << "-" << l.b;
  }
}

TEST(AvatarReconstruct, TextureHasNoBlackAndNoBackground) {
  const auto& b = built_avatar();
  const auto& m = b.rec.mesh;
  const cv::Mat& tex = m.texture;
  ASSERT_EQ(tex.type(), CV_8UC3);
  EXPECT_EQ(tex.cols, 2 * (tex.cols / 2));
  int checked = 0;
  for (Eigen::Index f = 0; f < m.FUV.rows(); ++f)
    for (int k = 0; k < 3; ++k) {
      const Eigen::Vector2f uv = m.UV.row(m.FUV(f, k));
      ASSERT_TRUE(uv.x() >= 0 && uv.x() <= 1 && uv.y() >= 0 && uv.y() <= 1);
      const cv::Vec3b c = tex.at<cv::Vec3b>(std::min(tex.rows - 1, int(uv.y() * tex.rows)),
                                            std::min(tex.cols - 1, int(uv.x() * tex.cols)));
      EXPECT_GT(c[0] + c[1] + c[2], 60) << "black texel at uv " << uv.transpose();
      const cv::Vec3d diff = cv::Vec3d(c[0], c[1], c[2]) - cv::Vec3d(0, 255, 0);
      EXPECT_GT(cv::norm(diff), 80.0) << "background texel at uv " << uv.transpose();
      ++checked;
    }
  EXPECT_EQ(checked, 3 * m.F.rows());
}

TEST(AvatarReconstruct, BackFacesSampleTheBackHalfOfTheAtlas) {
  const auto& b = built_avatar();
  const auto& m = b.rec.mesh;
  for (Eigen::Index f = 0; f < m.F.rows(); ++f) {
    const bool back = m.N.row(m.F(f, 0)).z() < 0 && b.rec.side[m.F(f, 0)] == VertexSide::kBack;
    if (!back) continue;
    for (int k = 0; k < 3; ++k) EXPECT_GE(m.UV(m.FUV(f, k), 0), 0.5f);
  }
}

TEST(AvatarReconstruct, RejectsAnEmptyMask) {
  auto view = make_synthetic_person(128).view;
  view.mask.setTo(0);
  EXPECT_THROW(avatar::reconstruct(view), Error);
}

}  // namespace
}  // namespace am::test

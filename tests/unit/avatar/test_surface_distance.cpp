// The scan measure's surface comparison (tests/support/surface_distance.hpp) on shapes whose
// distances are known: a sphere against a larger one, against itself moved and turned.
#include <gtest/gtest.h>

#include <cmath>

#include "support/surface_distance.hpp"

namespace am::test {
namespace {

// A UV sphere of `radius` about the origin (48 x 24 quads).
TriangleMesh sphere(float radius) {
  constexpr int kAround = 48, kUp = 24;
  TriangleMesh m{Eigen::MatrixXf((kUp + 1) * kAround, 3), Eigen::MatrixXi(2 * kUp * kAround, 3)};
  for (int i = 0; i <= kUp; ++i)
    for (int j = 0; j < kAround; ++j) {
      const float polar = static_cast<float>(M_PI) * i / kUp;
      const float azimuth = 2.0f * static_cast<float>(M_PI) * j / kAround;
      m.V.row(i * kAround + j) << radius * std::sin(polar) * std::cos(azimuth),
          radius * std::cos(polar), radius * std::sin(polar) * std::sin(azimuth);
    }
  int f = 0;
  for (int i = 0; i < kUp; ++i)
    for (int j = 0; j < kAround; ++j) {
      const int a = i * kAround + j, b = i * kAround + (j + 1) % kAround;
      m.F.row(f++) << a, b, a + kAround;
      m.F.row(f++) << b, b + kAround, a + kAround;
    }
  return m;
}

TEST(SurfaceDistance, ALargerSphereIsTheDifferenceOfTheRadiiAway) {
  const SurfaceDistance d = compare_surfaces(sample_surface(sphere(0.52f), 8000, 2),
                                             sample_surface(sphere(0.50f), 8000, 1));
  EXPECT_NEAR(d.p2s_cm, 2.0, 0.3);
  EXPECT_NEAR(d.s2p_cm, 2.0, 0.3);
  EXPECT_NEAR(d.chamfer_cm, 2.0, 0.3);
  EXPECT_GT(d.normal_consistency, 0.97);
}

TEST(SurfaceDistance, TheAlignmentUndoesAMoveAndATurn) {
  const SurfaceSamples scan = sample_surface(sphere(0.5f), 8000, 1);
  TriangleMesh squashed = sphere(0.5f);  // an ellipsoid, so the turn is visible
  squashed.V.col(2) *= 0.5f;
  const SurfaceSamples reference = sample_surface(squashed, 8000, 1);
  Eigen::Isometry3f moved = Eigen::Isometry3f::Identity();
  moved.rotate(Eigen::AngleAxisf(0.15f, Eigen::Vector3f::UnitY()));
  moved.pretranslate(Eigen::Vector3f(0.04f, 0.0f, -0.03f));
  const SurfaceSamples in_place = sample_surface(squashed, 8000, 2);
  const SurfaceSamples ours = transformed(in_place, moved);
  const double spacing = compare_surfaces(in_place, reference).chamfer_cm;  // samples differ
  const SurfaceDistance before = compare_surfaces(ours, reference);
  const SurfaceDistance after =
      compare_surfaces(transformed(ours, align_rigid(ours, reference)), reference);
  EXPECT_GT(before.chamfer_cm, spacing + 2.0);
  EXPECT_LT(after.chamfer_cm, spacing + 0.05);
  EXPECT_GT(compare_surfaces(ours, scan).chamfer_cm, after.chamfer_cm + 2.0);
}

}  // namespace
}  // namespace am::test

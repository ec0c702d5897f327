// lip_aware_triangles(): on a closed mouth (upper and lower inner lip points on top of each other)
// every lip point keeps its triangles, only inner lip points are joined across the mouth, and no
// triangle turns over on the closed mouth itself; the plain Delaunay triangulation drops the lower
// lip and joins the upper lip to what lies below the mouth. mouth_opened() moves what lies below
// the inner lips and leaves the rest.
#include <algorithm>
#include <array>
#include <random>
#include <set>
#include <vector>

#include <gtest/gtest.h>

#include "faceswap/lip_triangulation.hpp"
#include "faceswap/triangulation.hpp"

namespace am {
namespace {

constexpr std::array<int, 11> kUpperInner{78, 191, 80, 81, 82, 13, 312, 311, 310, 415, 308};
constexpr std::array<int, 9> kLowerInnerOnly{95, 88, 178, 87, 14, 317, 402, 318, 324};

bool is_inner_lip(int i) {
  return std::find(kUpperInner.begin(), kUpperInner.end(), i) != kUpperInner.end() ||
         std::find(kLowerInnerOnly.begin(), kLowerInnerOnly.end(), i) != kLowerInnerOnly.end();
}

// A 200 x 200 px face: a closed mouth along y = 130 from x = 70 to 130 (lower inner lip points on
// the upper ones), every other point on a slightly jittered grid (16 x 28, as regular as a face
// mesh) without a row on the mouth line.
std::vector<cv::Point2f> closed_mouth_face() {
  std::vector<cv::Point2f> grid;
  std::mt19937 rng(5);
  std::uniform_real_distribution<float> jitter(-1.5f, 1.5f);
  for (int row = 0; row < 29; ++row)
    for (int col = 0; col < 16 && row != 18; ++col)
      grid.emplace_back(6 + 12.5f * static_cast<float>(col) + jitter(rng),
                        3 + 7.0f * static_cast<float>(row) + jitter(rng));
  std::vector<cv::Point2f> points(468);
  std::size_t next = 0;
  for (int i = 0; i < 468; ++i)
    if (!is_inner_lip(i)) points[i] = grid.at(next++);
  for (std::size_t k = 0; k < kUpperInner.size(); ++k)
    points[kUpperInner[k]] = {70 + 6.0f * static_cast<float>(k), 130};
  for (std::size_t k = 0; k < kLowerInnerOnly.size(); ++k)
    points[kLowerInnerOnly[k]] = points[kUpperInner[k + 1]];
  return points;
}

std::set<int> used(const std::vector<cv::Vec3i>& triangles) {
  std::set<int> out;
  for (const cv::Vec3i& t : triangles) out.insert({t[0], t[1], t[2]});
  return out;
}

float twice_area(const std::vector<cv::Point2f>& p, const cv::Vec3i& t) {
  return (p[t[1]] - p[t[0]]).cross(p[t[2]] - p[t[0]]);
}

TEST(LipAwareTriangles, AClosedMouthKeepsItsLowerLip) {
  const auto face = closed_mouth_face();
  const std::set<int> plain = used(delaunay_triangles(face));
  EXPECT_FALSE(plain.contains(kLowerInnerOnly[4])) << "plain Delaunay drops the coinciding point";
  const std::set<int> aware = used(lip_aware_triangles(face));
  for (const int i : kLowerInnerOnly) EXPECT_TRUE(aware.contains(i)) << "lower inner lip " << i;
  EXPECT_EQ(aware.size(), 468u);
}

// Triangles that join a point above the mouth line (the upper inner lip) to one below it (in the
// mouth's span), other than those between inner lip points only.
int triangles_across_the_mouth(const std::vector<cv::Vec3i>& triangles,
                               const std::vector<cv::Point2f>& face) {
  int across = 0;
  for (const cv::Vec3i& t : triangles) {
    bool upper = false, below = false, all_inner = true;
    for (int k = 0; k < 3; ++k) {
      const int i = t[k];
      upper = upper || (std::find(kUpperInner.begin() + 1, kUpperInner.end() - 1, i) !=
                        kUpperInner.end() - 1);
      below = below || (face[i].y > 130 && face[i].x > 70 && face[i].x < 130);
      all_inner = all_inner && is_inner_lip(i);
    }
    across += upper && below && !all_inner;
  }
  return across;
}

TEST(LipAwareTriangles, OnlyTheInnerLipsAreJoinedAcrossTheMouth) {
  const auto face = closed_mouth_face();
  EXPECT_EQ(triangles_across_the_mouth(lip_aware_triangles(face), face), 0);
  EXPECT_GT(triangles_across_the_mouth(delaunay_triangles(face), face), 0)
      << "plain Delaunay joins the upper lip to what lies below the mouth";
}

// The triangles are made on the opened layout but warp the closed mouth's own points: none of them
// may turn over there (the ones across the mouth only flatten).
TEST(LipAwareTriangles, NoTriangleTurnsOverOnTheClosedMouth) {
  const auto face = closed_mouth_face();
  const auto layout = mouth_opened(face, kLipOpening);
  for (const cv::Vec3i& t : lip_aware_triangles(face)) {
    EXPECT_GE(twice_area(layout, t) * twice_area(face, t), -1e-3)
        << "triangle " << t[0] << " " << t[1] << " " << t[2] << " turns over";
  }
}

TEST(MouthOpened, MovesWhatIsBelowTheMouthLineAwayFromTheUpperLip) {
  const auto face = closed_mouth_face();
  const auto opened = mouth_opened(face, 0.5f);  // the mouth is 60 px wide: 30 px
  for (const int i : kUpperInner) EXPECT_EQ(opened[i], face[i]) << "upper inner lip " << i;
  for (const int i : kLowerInnerOnly)
    EXPECT_NEAR(opened[i].y - face[i].y, 30, 1e-3) << "lower inner lip " << i;
  for (int i = 0; i < 468; ++i) {
    if (is_inner_lip(i)) continue;
    EXPECT_FLOAT_EQ(opened[i].x, face[i].x);
    if (face[i].y < 130) EXPECT_EQ(opened[i].y, face[i].y) << "above the mouth: point " << i;
    if (face[i].y > 130) EXPECT_NEAR(opened[i].y - face[i].y, 30, 1e-3) << "below: point " << i;
  }
}

}  // namespace
}  // namespace am

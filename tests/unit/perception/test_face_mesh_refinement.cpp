#include <gtest/gtest.h>

#include <set>
#include <stdexcept>
#include <vector>

#include "perception/face/face_mesh_refinement.hpp"
#include "perception/face/face_mesh_topology.hpp"

namespace am {
namespace {

TEST(RefineMesh, OverwritesTheListedPointsInOrderAndLeavesTheRest) {
  std::vector<cv::Point2f> mesh(kMeshPointCount, {1, 1});
  const std::vector<cv::Point2f> refined = {{5, 6}, {7, 8}};
  const int indices[] = {13, 14};
  refine_mesh(mesh, indices, refined);
  EXPECT_EQ(mesh[13], cv::Point2f(5, 6));
  EXPECT_EQ(mesh[14], cv::Point2f(7, 8));
  EXPECT_EQ(mesh[12], cv::Point2f(1, 1));
  EXPECT_EQ(mesh[15], cv::Point2f(1, 1));
}

TEST(RefineMesh, RejectsACountThatDoesNotMatchTheIndices) {
  std::vector<cv::Point2f> mesh(kMeshPointCount);
  const std::vector<cv::Point2f> refined(3);
  EXPECT_THROW(refine_mesh(mesh, kRefinedLips, refined), std::invalid_argument);
}

TEST(RefineMesh, TheRefinedPartsAreDistinctMeshPointsAndCoverTheExpressionPoints) {
  std::set<int> all;
  for (int i : kRefinedLips) all.insert(i);
  for (int i : kRefinedImageLeftEye) all.insert(i);
  for (int i : kRefinedImageRightEye) all.insert(i);
  EXPECT_EQ(all.size(), kRefinedLips.size() + 2 * kRefinedImageLeftEye.size());
  EXPECT_LT(*all.rbegin(), kMeshPointCount);
  for (int i : kMeshInnerLips) EXPECT_TRUE(all.count(i)) << i;
  for (int i : kMeshRightEye) EXPECT_TRUE(all.count(i)) << i;
  for (int i : kMeshLeftEye) EXPECT_TRUE(all.count(i)) << i;
}

}  // namespace
}  // namespace am

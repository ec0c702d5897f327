#include <algorithm>
#include <numeric>
#include <random>

#include <gtest/gtest.h>
#include <opencv2/core.hpp>

#include "tracking/hungarian.hpp"

namespace am::tracking {
namespace {

double total_cost(const cv::Mat1d& cost, const std::vector<int>& assignment) {
  double sum = 0;
  for (int r = 0; r < cost.rows; ++r) {
    if (assignment[r] >= 0) sum += cost(r, assignment[r]);
  }
  return sum;
}

// Minimum over every injective assignment of the smaller side, by enumeration.
double brute_force_minimum(const cv::Mat1d& cost) {
  const bool wide = cost.rows <= cost.cols;
  const cv::Mat1d c = wide ? cost : cv::Mat1d(cost.t());
  std::vector<int> cols(c.cols);
  std::iota(cols.begin(), cols.end(), 0);
  double best = 1e300;
  do {
    double sum = 0;
    for (int r = 0; r < c.rows; ++r) sum += c(r, cols[r]);
    best = std::min(best, sum);
  } while (std::next_permutation(cols.begin(), cols.end()));
  return best;
}

void expect_valid(const std::vector<int>& assignment, const cv::Mat1d& cost) {
  ASSERT_EQ(static_cast<int>(assignment.size()), cost.rows);
  std::vector<int> used;
  for (int c : assignment) {
    if (c < 0) continue;
    EXPECT_LT(c, cost.cols);
    used.push_back(c);
  }
  std::sort(used.begin(), used.end());
  EXPECT_EQ(std::adjacent_find(used.begin(), used.end()), used.end()) << "a column used twice";
  EXPECT_EQ(static_cast<int>(used.size()), std::min(cost.rows, cost.cols));
}

TEST(Hungarian, SolvesAKnownSquareMatrix) {
  const cv::Mat1d cost = (cv::Mat1d(3, 3) << 4, 1, 3, 2, 0, 5, 3, 2, 2);
  const auto assignment = solve_assignment(cost);
  EXPECT_EQ(assignment, (std::vector<int>{1, 0, 2}));
  EXPECT_DOUBLE_EQ(total_cost(cost, assignment), 5);
}

TEST(Hungarian, GreedyChoiceIsNotOptimalHere) {
  // Greedy takes (0,0)=1 and is left with (1,1)=100; the optimum is 2 + 3.
  const cv::Mat1d cost = (cv::Mat1d(2, 2) << 1, 2, 3, 100);
  EXPECT_EQ(solve_assignment(cost), (std::vector<int>{1, 0}));
}

TEST(Hungarian, MoreRowsThanColumnsLeavesTheCostliestRowUnassigned) {
  const cv::Mat1d cost = (cv::Mat1d(3, 2) << 1, 9, 9, 1, 5, 5);
  EXPECT_EQ(solve_assignment(cost), (std::vector<int>{0, 1, -1}));
}

TEST(Hungarian, MoreColumnsThanRows) {
  const cv::Mat1d cost = (cv::Mat1d(2, 4) << 7, 3, 8, 1, 2, 6, 1, 9);
  const auto assignment = solve_assignment(cost);
  EXPECT_EQ(assignment, (std::vector<int>{3, 2}));
}

TEST(Hungarian, EmptyMatrices) {
  EXPECT_TRUE(solve_assignment(cv::Mat1d(0, 3)).empty());
  EXPECT_EQ(solve_assignment(cv::Mat1d(2, 0)), (std::vector<int>{-1, -1}));
}

TEST(Hungarian, MatchesBruteForceOnRandomMatrices) {
  std::mt19937 rng(42);
  std::uniform_real_distribution<double> value(0, 10);
  std::uniform_int_distribution<int> size(1, 6);
  for (int trial = 0; trial < 300; ++trial) {
    cv::Mat1d cost(size(rng), size(rng));
    for (auto& v : cost) v = trial % 3 == 0 ? std::round(value(rng)) : value(rng);
    const auto assignment = solve_assignment(cost);
    expect_valid(assignment, cost);
    EXPECT_NEAR(total_cost(cost, assignment), brute_force_minimum(cost), 1e-9) << cost;
  }
}

}  // namespace
}  // namespace am::tracking

#include "tracking/hungarian.hpp"

#include <limits>

namespace am::tracking {
namespace {

// Rows <= cols required. Returns the column of each row. a[i][j] is cost(i - 1, j - 1);
// u, v are the row and column potentials, p[j] the row matched to column j (1-based, 0: none).
std::vector<int> solve_wide(const cv::Mat1d& cost) {
  const int n = cost.rows;
  const int m = cost.cols;
  const double inf = std::numeric_limits<double>::infinity();
  std::vector<double> u(n + 1, 0), v(m + 1, 0);
  std::vector<int> p(m + 1, 0), way(m + 1, 0);
  for (int i = 1; i <= n; ++i) {
    p[0] = i;
    int j0 = 0;
    std::vector<double> minv(m + 1, inf);
    std::vector<bool> used(m + 1, false);
    do {
      used[j0] = true;
      const int i0 = p[j0];
      double delta = inf;
      int j1 = 0;
      for (int j = 1; j <= m; ++j) {
        if (used[j]) continue;
        const double cur = cost(i0 - 1, j - 1) - u[i0] - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (int j = 0; j <= m; ++j) {
        if (used[j]) {
          u[p[j]] += delta;
          v[j] -= delta;
        } else {
          minv[j] -= delta;
        }
      }
      j0 = j1;
    } while (p[j0] != 0);
    do {
      const int j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0 != 0);
  }
  std::vector<int> row_to_col(n, -1);
  for (int j = 1; j <= m; ++j) {
    if (p[j] != 0) row_to_col[p[j] - 1] = j - 1;
  }
  return row_to_col;
}

}  // namespace

std::vector<int> solve_assignment(const cv::Mat1d& cost) {
  if (cost.empty()) return std::vector<int>(cost.rows, -1);
  if (cost.rows <= cost.cols) return solve_wide(cost);
  const std::vector<int> col_to_row = solve_wide(cv::Mat1d(cost.t()));
  std::vector<int> row_to_col(cost.rows, -1);
  for (int c = 0; c < static_cast<int>(col_to_row.size()); ++c) {
    if (col_to_row[c] >= 0) row_to_col[col_to_row[c]] = c;
  }
  return row_to_col;
}

}  // namespace am::tracking

// Optimal assignment (Hungarian algorithm, O(n^3) with potentials). Takes a rows x cols cost
// matrix of any shape; gives, for each row, the column assigned to it or -1. Guarantees each
// column is used at most once, min(rows, cols) pairs are assigned and their total cost is minimal.
// Forbidden pairs are expressed with a large cost and filtered by the caller.
#pragma once

#include <vector>

#include <opencv2/core/mat.hpp>

namespace am::tracking {

std::vector<int> solve_assignment(const cv::Mat1d& cost);

}  // namespace am::tracking

#include "avatar/reconstruct_surface.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <unordered_map>

#include <opencv2/imgproc.hpp>

#include "avatar/body_parts.hpp"

namespace am::avatar {
namespace {

constexpr float kInside = 0.5f;
// Rim points stay this far (fraction of the edge) from grid points: no sliver triangles.
constexpr float kMinEdgeFraction = 0.05f;

class SheetBuilder {
 public:
  SheetBuilder(const cv::Mat& binary_mask, float step) : step_(step) {
    binary_mask.convertTo(field_, CV_32F, 1.0 / 255.0);
    cv::GaussianBlur(field_, field_, cv::Size(3, 3), 0.6);
    const cv::Rect box = cv::boundingRect(binary_mask);
    origin_ = {static_cast<float>(box.x) - step, static_cast<float>(box.y) - step};
    cols_ = static_cast<int>(std::ceil((box.width + 2 * step) / step)) + 1;
    rows_ = static_cast<int>(std::ceil((box.height + 2 * step) / step)) + 1;
    grid_index_.assign(static_cast<size_t>(cols_ * rows_), -1);
  }

  SilhouetteSheet build() {
    for (int r = 0; r < rows_; ++r)
      for (int c = 0; c < cols_; ++c)
        if (inside(grid_point(c, r))) grid_index_[key(c, r)] = add_point(grid_point(c, r), false);
    for (int r = 0; r + 1 < rows_; ++r)
      for (int c = 0; c + 1 < cols_; ++c) add_cell(c, r);
    return std::move(sheet_);
  }

 private:
  Eigen::Vector2f grid_point(int c, int r) const {
    return origin_ + step_ * Eigen::Vector2f(static_cast<float>(c), static_cast<float>(r));
  }
  size_t key(int c, int r) const { return static_cast<size_t>(r * cols_ + c); }
  // Outside the image counts as background, so the rim also closes where the person is cut.
  bool inside(const Eigen::Vector2f& p) const {
    return p.x() >= 0 && p.y() >= 0 && p.x() <= static_cast<float>(field_.cols - 1) &&
           p.y() <= static_cast<float>(field_.rows - 1) && sample_bilinear(field_, p) >= kInside;
  }

  int add_point(const Eigen::Vector2f& p, bool rim) {
    sheet_.points.push_back(p);
    sheet_.on_rim.push_back(rim);
    return static_cast<int>(sheet_.points.size()) - 1;
  }

  // The rim point on grid edge (a inside, b outside), shared by both triangles of the edge.
  int rim_point(size_t a, size_t b, const Eigen::Vector2f& pa, const Eigen::Vector2f& pb) {
    const uint64_t edge = (static_cast<uint64_t>(std::min(a, b)) << 32) | std::max(a, b);
    if (auto it = rim_index_.find(edge); it != rim_index_.end()) return it->second;
    float lo = 0, hi = 1;  // bisection on the blurred mask: lo inside, hi outside
    for (int i = 0; i < 10; ++i) {
      const float mid = 0.5f * (lo + hi);
      (inside(pa + mid * (pb - pa)) ? lo : hi) = mid;
    }
    const float t = std::clamp(0.5f * (lo + hi), kMinEdgeFraction, 1 - kMinEdgeFraction);
    const int id = add_point(pa + t * (pb - pa), true);
    rim_index_.emplace(edge, id);
    return id;
  }

  void add_cell(int c, int r) {
    const cv::Point p00(c, r), p10(c + 1, r), p01(c, r + 1), p11(c + 1, r + 1);
    if ((c + r) % 2 == 0) {  // alternate the diagonal for an isotropic grid
      clip_triangle({p00, p10, p11});
      clip_triangle({p00, p11, p01});
    } else {
      clip_triangle({p00, p10, p01});
      clip_triangle({p10, p11, p01});
    }
  }

  // Adds the part of the grid triangle (cells = grid coordinates) inside the silhouette.
  void clip_triangle(const std::array<cv::Point, 3>& cells) {
    std::array<size_t, 3> keys;
    for (int i = 0; i < 3; ++i) keys[i] = key(cells[i].x, cells[i].y);
    std::vector<int> polygon;
    int first_grid = -1;
    for (int i = 0; i < 3; ++i) {
      const int j = (i + 1) % 3;
      const Eigen::Vector2f pi = grid_point(cells[i].x, cells[i].y);
      const Eigen::Vector2f pj = grid_point(cells[j].x, cells[j].y);
      const int gi = grid_index_[keys[i]], gj = grid_index_[keys[j]];
      if (gi >= 0) {
        if (first_grid < 0) first_grid = static_cast<int>(polygon.size());
        polygon.push_back(gi);
      }
      if (gi >= 0 && gj < 0) polygon.push_back(rim_point(keys[i], keys[j], pi, pj));
      if (gi < 0 && gj >= 0) polygon.push_back(rim_point(keys[j], keys[i], pj, pi));
    }
    if (first_grid < 0) return;
    std::rotate(polygon.begin(), polygon.begin() + first_grid, polygon.end());
    for (size_t i = 1; i + 1 < polygon.size(); ++i)
      add_triangle(polygon[0], polygon[i], polygon[i + 1]);
  }

  void add_triangle(int a, int b, int c) {
    const Eigen::Vector2f ab = sheet_.points[b] - sheet_.points[a];
    const Eigen::Vector2f ac = sheet_.points[c] - sheet_.points[a];
    // Image y points down: a clockwise turn in the image is counter-clockwise with y up.
    if (ab.x() * ac.y() - ab.y() * ac.x() > 0) std::swap(b, c);
    sheet_.triangles.emplace_back(a, b, c);
  }

  float step_;
  cv::Mat field_;
  Eigen::Vector2f origin_;
  int cols_ = 0, rows_ = 0;
  std::vector<int> grid_index_;
  std::unordered_map<uint64_t, int> rim_index_;
  SilhouetteSheet sheet_;
};

}  // namespace

SilhouetteSheet triangulate_silhouette(const cv::Mat& binary_mask, float step_px) {
  return SheetBuilder(binary_mask, step_px).build();
}

}  // namespace am::avatar

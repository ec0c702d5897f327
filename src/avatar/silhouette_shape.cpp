#include "avatar/silhouette_shape.hpp"

#include <algorithm>
#include <cmath>

#include <Eigen/Sparse>

#include "avatar/depth_raster.hpp"
#include "avatar/mesh_ops.hpp"
#include "core/error.hpp"

namespace am::avatar {

namespace {

constexpr float kMaxNormalDepth = 0.44f;  // |n.z| of an outline vertex: within ~26 deg of the image
constexpr float kEdgeProbePx = 2.0f;
constexpr double kPullToZero = 1e-3;

bool covered(const cv::Mat& m, const Eigen::Vector2f& p) {
  const int x = static_cast<int>(std::lround(p.x())), y = static_cast<int>(std::lround(p.y()));
  return x >= 0 && y >= 0 && x < m.cols && y < m.rows && m.at<uchar>(y, x) != 0;
}

// Signed pixels from p along dir to the mask's edge (positive: the mask reaches beyond p), or
// NaN when no edge lies within max_px.
float distance_to_mask_edge(const cv::Mat& person, const Eigen::Vector2f& p,
                            const Eigen::Vector2f& dir, float max_px) {
  const bool inside = covered(person, p);
  const float sign = inside ? 1.0f : -1.0f;
  for (int k = 1; k <= static_cast<int>(max_px); ++k)
    if (covered(person, p + sign * static_cast<float>(k) * dir) != inside)
      return sign * (static_cast<float>(k) - 0.5f);
  return NAN;
}

Eigen::SparseMatrix<double> edge_laplacian(const Eigen::MatrixXi& F, Eigen::Index vertices) {
  std::vector<Eigen::Triplet<double>> t;
  t.reserve(static_cast<size_t>(F.rows()) * 12);
  for (Eigen::Index f = 0; f < F.rows(); ++f)
    for (int k = 0; k < 3; ++k) {
      const int i = F(f, k), j = F(f, (k + 1) % 3);
      t.emplace_back(i, j, -1.0);
      t.emplace_back(j, i, -1.0);
      t.emplace_back(i, i, 1.0);
      t.emplace_back(j, j, 1.0);
    }
  Eigen::SparseMatrix<double> K(vertices, vertices);
  K.setFromTriplets(t.begin(), t.end());
  return K;
}

}  // namespace

void add_outline_offsets(const Mesh& posed, const ImageToModel& camera, const cv::Mat& person,
                         const cv::Mat& rendered, float max_search_px, OutlineOffsets& acc) {
  for (Eigen::Index v = 0; v < posed.V.rows(); ++v) {
    const Eigen::Vector3f n = posed.N.row(v).transpose();
    const Eigen::Vector2f dir(n.x(), -n.y());  // image y runs down
    if (std::abs(n.z()) > kMaxNormalDepth || dir.norm() < 1e-6f) continue;
    const Eigen::Vector2f out = dir.normalized();
    const Eigen::Vector2f p = camera.to_pixel(posed.V.row(v).transpose());
    if (covered(rendered, p + kEdgeProbePx * out) || !covered(rendered, p - kEdgeProbePx * out))
      continue;
    const float px = distance_to_mask_edge(person, p, out, max_search_px);
    if (std::isnan(px)) continue;
    acc.sum(v) += px * camera.metres_per_pixel;
    acc.count(v) += 1.0f;
  }
}

Eigen::VectorXf smooth_offsets(const Mesh& mesh, const OutlineOffsets& acc, float smoothness,
                               float max_offset_m) {
  const Eigen::Index n = mesh.V.rows();
  Eigen::SparseMatrix<double> A = smoothness * edge_laplacian(mesh.F, n);
  Eigen::VectorXd b = Eigen::VectorXd::Zero(n);
  for (Eigen::Index v = 0; v < n; ++v) {
    A.coeffRef(v, v) += acc.count(v) + kPullToZero;
    b(v) = acc.sum(v);
  }
  Eigen::SimplicialLDLT<Eigen::SparseMatrix<double>> solver(A);
  if (solver.info() != Eigen::Success)
    throw Error("silhouette shape: the smoothing system could not be factored");
  return solver.solve(b).cast<float>().cwiseMax(-max_offset_m).cwiseMin(max_offset_m);
}

Mesh offset_along_normals(const Mesh& mesh, const Eigen::VectorXf& offset) {
  Mesh out = mesh;
  out.V += offset.asDiagonal() * mesh.N;
  out.N = vertex_normals(out.V, out.F);
  return out;
}

ShapeFrame shape_frame(const RiggedAvatar& avatar, const FrameObservation& frame) {
  ShapeFrame out{frame.mask >= 128, frame.landmarks, frame.world, {}};
  out.pose = pose_to_frame(avatar, frame.landmarks, frame.world, out.person).pose;
  return out;
}

Mesh fit_silhouette_shape(const RiggedAvatar& avatar, const std::vector<ShapeFrame>& frames,
                          const SilhouetteShapeOptions& options) {
  if (frames.empty()) throw Error("fit_silhouette_shape: no frame to fit the shape to");
  Mesh mesh = avatar.rest;
  Eigen::VectorXf total = Eigen::VectorXf::Zero(mesh.V.rows());
  for (int it = 0; it < options.iterations; ++it) {
    const RiggedAvatar current{mesh, avatar.skeleton, avatar.weights, avatar.bind_world};
    OutlineOffsets acc{Eigen::VectorXf::Zero(mesh.V.rows()), Eigen::VectorXf::Zero(mesh.V.rows())};
    for (const ShapeFrame& f : frames) {
      const PosedView view = pose_with(current, f.pose, f.landmarks, f.world, f.person);
      const cv::Mat rendered = rasterize_depth(view.mesh, view.camera, f.person.size()).face >= 0;
      add_outline_offsets(view.mesh, view.camera, f.person, rendered, options.max_search_px, acc);
    }
    const Eigen::VectorXf step =
        smooth_offsets(mesh, acc, options.smoothness, options.max_offset_m);
    const Eigen::VectorXf next =
        (total + step).cwiseMax(-options.max_offset_m).cwiseMin(options.max_offset_m);
    mesh = offset_along_normals(mesh, next - total);
    total = next;
  }
  return mesh;
}

Mesh fit_silhouette_shape(const RiggedAvatar& avatar, const std::vector<FrameObservation>& frames,
                          const SilhouetteShapeOptions& options) {
  std::vector<ShapeFrame> shape_frames;
  shape_frames.reserve(frames.size());
  for (const FrameObservation& f : frames) shape_frames.push_back(shape_frame(avatar, f));
  return fit_silhouette_shape(avatar, shape_frames, options);
}

}  // namespace am::avatar

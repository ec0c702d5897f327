#include "support/surface_distance.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include <Eigen/SVD>
#include <opencv2/flann.hpp>

#include "core/error.hpp"

namespace am::test {

namespace {

// Nearest neighbour of each query among `points` (exact kd-tree search).
class NearestPoints {
 public:
  explicit NearestPoints(const std::vector<Eigen::Vector3f>& points)
      : data_(static_cast<int>(points.size()), 3, CV_32F),
        index_(fill(data_, points), cv::flann::KDTreeIndexParams(1)) {}

  int nearest(const Eigen::Vector3f& q) const {
    std::vector<float> query{q.x(), q.y(), q.z()};
    std::vector<int> index(1);
    std::vector<float> dist(1);
    index_.knnSearch(query, index, dist, 1, cv::flann::SearchParams(-1));
    return index[0];
  }

 private:
  static const cv::Mat& fill(cv::Mat& data, const std::vector<Eigen::Vector3f>& points) {
    for (int i = 0; i < data.rows; ++i)
      for (int k = 0; k < 3; ++k) data.at<float>(i, k) = points[i][k];
    return data;
  }

  cv::Mat data_;
  mutable cv::flann::Index index_;
};

struct OneWay {
  double distance = 0, consistency = 0;
};

OneWay one_way(const SurfaceSamples& from, const SurfaceSamples& to) {
  const NearestPoints tree(to.points);
  OneWay out;
  for (size_t i = 0; i < from.points.size(); ++i) {
    const int j = tree.nearest(from.points[i]);
    out.distance += (from.points[i] - to.points[j]).norm();
    out.consistency += std::abs(from.normals[i].dot(to.normals[j]));
  }
  const double n = static_cast<double>(std::max<size_t>(1, from.points.size()));
  return {out.distance / n, out.consistency / n};
}

Eigen::Vector3f corner(const TriangleMesh& m, int f, int k) {
  return m.V.row(m.F(f, k)).transpose();
}

}  // namespace

SurfaceSamples sample_surface(const TriangleMesh& mesh, int count, unsigned seed) {
  std::vector<double> area(mesh.F.rows());
  for (int f = 0; f < mesh.F.rows(); ++f)
    area[f] = 0.5 * (corner(mesh, f, 1) - corner(mesh, f, 0))
                        .cross(corner(mesh, f, 2) - corner(mesh, f, 0))
                        .norm();
  std::mt19937 rng(seed);
  std::discrete_distribution<int> pick(area.begin(), area.end());
  std::uniform_real_distribution<float> unit(0.0f, 1.0f);
  SurfaceSamples out;
  for (int i = 0; i < count; ++i) {
    const int f = pick(rng);
    float u = unit(rng), v = unit(rng);
    if (u + v > 1.0f) u = 1.0f - u, v = 1.0f - v;
    const Eigen::Vector3f a = corner(mesh, f, 0), b = corner(mesh, f, 1), c = corner(mesh, f, 2);
    out.points.push_back(a + u * (b - a) + v * (c - a));
    out.normals.push_back((b - a).cross(c - a).normalized());
  }
  return out;
}

SurfaceSamples transformed(const SurfaceSamples& s, const Eigen::Isometry3f& motion) {
  SurfaceSamples out = s;
  for (auto& p : out.points) p = motion * p;
  for (auto& n : out.normals) n = motion.linear() * n;
  return out;
}

Eigen::Isometry3f align_rigid(const SurfaceSamples& moving, const SurfaceSamples& fixed,
                              int iterations) {
  const NearestPoints tree(fixed.points);
  Eigen::Isometry3f motion = Eigen::Isometry3f::Identity();
  const auto n = static_cast<float>(moving.points.size());
  for (int it = 0; it < iterations; ++it) {
    Eigen::Vector3f mean_a = Eigen::Vector3f::Zero(), mean_b = Eigen::Vector3f::Zero();
    std::vector<Eigen::Vector3f> a, b;
    for (const Eigen::Vector3f& p : moving.points) {
      a.push_back(motion * p);
      b.push_back(fixed.points[tree.nearest(a.back())]);
      mean_a += a.back() / n;
      mean_b += b.back() / n;
    }
    Eigen::Matrix3f cov = Eigen::Matrix3f::Zero();
    for (size_t i = 0; i < a.size(); ++i) cov += (a[i] - mean_a) * (b[i] - mean_b).transpose();
    const Eigen::JacobiSVD<Eigen::Matrix3f> svd(cov, Eigen::ComputeFullU | Eigen::ComputeFullV);
    Eigen::Matrix3f d = Eigen::Matrix3f::Identity();
    d(2, 2) = (svd.matrixV() * svd.matrixU().transpose()).determinant() < 0 ? -1.0f : 1.0f;
    const Eigen::Matrix3f r = svd.matrixV() * d * svd.matrixU().transpose();
    Eigen::Isometry3f step = Eigen::Isometry3f::Identity();
    step.linear() = r;
    step.translation() = mean_b - r * mean_a;
    motion = step * motion;
  }
  return motion;
}

SurfaceDistance compare_surfaces(const SurfaceSamples& reconstruction, const SurfaceSamples& scan) {
  const OneWay there = one_way(reconstruction, scan), back = one_way(scan, reconstruction);
  return {100.0 * there.distance, 100.0 * back.distance, 50.0 * (there.distance + back.distance),
          0.5 * (there.consistency + back.consistency)};
}

TriangleMesh read_obj(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw Error("cannot read the scan mesh " + path.string() + ": check the path");
  std::vector<Eigen::Vector3f> v;
  std::vector<Eigen::Vector3i> f;
  for (std::string line; std::getline(in, line);) {
    std::istringstream s(line);
    std::string tag;
    s >> tag;
    if (tag == "v") {
      Eigen::Vector3f p;
      s >> p.x() >> p.y() >> p.z();
      v.push_back(p);
    } else if (tag == "f") {
      std::vector<int> corners;
      for (std::string c; s >> c;) corners.push_back(std::stoi(c.substr(0, c.find('/'))) - 1);
      for (size_t k = 2; k < corners.size(); ++k)
        f.emplace_back(corners[0], corners[k - 1], corners[k]);
    }
  }
  if (f.empty()) throw Error(path.string() + " holds no triangle: give an OBJ mesh with faces");
  TriangleMesh m{Eigen::MatrixXf(v.size(), 3), Eigen::MatrixXi(f.size(), 3)};
  for (size_t i = 0; i < v.size(); ++i) m.V.row(static_cast<Eigen::Index>(i)) = v[i].transpose();
  for (size_t i = 0; i < f.size(); ++i) m.F.row(static_cast<Eigen::Index>(i)) = f[i].transpose();
  return m;
}

}  // namespace am::test

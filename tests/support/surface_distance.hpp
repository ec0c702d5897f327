// A reconstructed mesh against a reference scan, as the PIFu papers score it: both surfaces are
// sampled uniformly by area, the reconstruction is aligned rigidly to the scan (ICP: rotation and
// translation, no scale, so a wrong size shows), then point-to-surface distance (reconstruction
// samples to the nearest scan sample), Chamfer distance (the mean of both directions) and normal
// consistency (mean |cos| between each sample's normal and its nearest neighbour's, both ways).
// Takes triangle meshes in metres; gives distances in centimetres. Pure: no models, no files,
// except read_obj, which reads an OBJ's vertices and faces (polygons fanned into triangles).
#pragma once

#include <filesystem>
#include <vector>

#include <Eigen/Core>
#include <Eigen/Geometry>

namespace am::test {

struct TriangleMesh {
  Eigen::MatrixXf V;  // #V x 3, metres
  Eigen::MatrixXi F;  // #F x 3
};

struct SurfaceSamples {
  std::vector<Eigen::Vector3f> points, normals;  // unit normals of the sampled triangles
};

// `count` points, uniform by area, from a fixed seed (the same mesh gives the same samples).
SurfaceSamples sample_surface(const TriangleMesh& mesh, int count, unsigned seed = 1);

// The rigid motion that brings `moving` onto `fixed` (point-to-point ICP from the identity).
Eigen::Isometry3f align_rigid(const SurfaceSamples& moving, const SurfaceSamples& fixed,
                              int iterations = 30);

SurfaceSamples transformed(const SurfaceSamples& s, const Eigen::Isometry3f& motion);

struct SurfaceDistance {
  double p2s_cm = 0;      // reconstruction to scan
  double s2p_cm = 0;      // scan to reconstruction
  double chamfer_cm = 0;  // (p2s + s2p) / 2
  double normal_consistency = 0;
};

SurfaceDistance compare_surfaces(const SurfaceSamples& reconstruction, const SurfaceSamples& scan);

// Throws am::Error naming the file when it cannot be read or holds no triangle.
TriangleMesh read_obj(const std::filesystem::path& path);

}  // namespace am::test

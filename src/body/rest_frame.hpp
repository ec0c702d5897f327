// The one rest-frame rule for humanoid bones, used by make_bind_pose (body/bind_pose.hpp) for
// both the avatar's glTF skeleton and the stream's bone rotations. Takes a bone direction in
// glTF/Godot coordinates (Y up, the avatar faces +Z); gives the bone's rest rotation as the columns
// x, y, z of a rotation matrix: +Y along the bone, +Z as close to forward
// (+Z) as possible, or to up (+Y) when the bone points within 25 degrees of forward or back.
// Guarantees an orthonormal, right-handed frame (+Y for a zero direction). There is one copy on
// purpose: two with different cut-offs gave a limb near the camera axis rest frames 90 degrees
// apart in the .glb and in the stream (a twisted forearm).
#pragma once

#include <cmath>

#include <Eigen/Core>
#include <Eigen/Geometry>

namespace am {

inline constexpr double kNearlyForwardCos = 0.90630778703665;  // cos 25 degrees

template <class Scalar>
Eigen::Matrix<Scalar, 3, 3> rest_frame(const Eigen::Matrix<Scalar, 3, 1>& direction) {
  using Vector3 = Eigen::Matrix<Scalar, 3, 1>;
  const Vector3 y =
      direction.norm() > Scalar(1e-6) ? Vector3(direction.normalized()) : Vector3::UnitY();
  const Vector3 reference =
      std::abs(double(y.z())) > kNearlyForwardCos ? Vector3::UnitY() : Vector3::UnitZ();
  Eigen::Matrix<Scalar, 3, 3> frame;
  frame.col(0) = y.cross(reference).normalized();
  frame.col(1) = y;
  frame.col(2) = frame.col(0).cross(y);
  return frame;
}

}  // namespace am

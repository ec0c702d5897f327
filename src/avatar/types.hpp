// Plain data the avatar builder takes and gives. Coordinate frames (see docs/skeleton.md):
// - image: pixels, x right, y down, pixel centres at integer coordinates;
// - MediaPipe world: metres, origin between the hips, x toward image right, y down, z away
//   from the camera;
// - model (glTF): metres, Y up, the avatar faces +Z (toward the camera), +X is the avatar's
//   left, feet on y = 0, x = z = 0 below the hip midpoint.
#pragma once

#include <array>
#include <vector>

#include <Eigen/Core>
#include <Eigen/Geometry>
#include <opencv2/core/mat.hpp>
#include <opencv2/core/types.hpp>

#include "body/bind_pose.hpp"

namespace am::avatar {

// Everything the builder needs from one photo of one person.
struct PersonView {
  cv::Mat image;            // 8-bit BGR
  cv::Mat mask;             // 8-bit, same size, 0 background .. 255 person (soft edges allowed)
  PoseLandmarks landmarks;  // image pixels (body/landmarks.hpp)
  PoseLandmarks world;      // metres, MediaPipe world frame
  // The face oval (image pixels, e.g. the 468-point face mesh's); empty: estimated from the
  // landmarks (head_colours.hpp). Only the synthesized back of the head uses it.
  std::vector<cv::Point2f> face_outline;
};

// Triangle mesh in the model frame, libigl-style: F indexes V and N, FUV indexes UV so a
// vertex may carry different texture coordinates in different faces (the silhouette rim is
// a texture seam between the front and back halves of the atlas, not a geometric one).
struct Mesh {
  Eigen::MatrixXf V;    // #V x 3 positions, metres
  Eigen::MatrixXf N;    // #V x 3 unit vertex normals
  Eigen::MatrixXi F;    // #F x 3 vertex indices, counter-clockwise seen from outside
  Eigen::MatrixXf UV;   // #UV x 2 texture coordinates, (0,0) = top-left of the texture
  Eigen::MatrixXi FUV;  // #F x 3 indices into UV
  cv::Mat texture;      // 8-bit BGR atlas
};

// Similarity map between image pixels and the model frame (orthographic camera).
struct ImageToModel {
  float metres_per_pixel = 0;
  Eigen::Vector2f hip_px = Eigen::Vector2f::Zero();  // image point that maps to x = 0
  float hip_height = 0;                              // model y of hip_px

  Eigen::Vector2f to_model_xy(const Eigen::Vector2f& px) const {
    return {(px.x() - hip_px.x()) * metres_per_pixel,
            hip_height - (px.y() - hip_px.y()) * metres_per_pixel};
  }
  Eigen::Vector2f to_pixel(const Eigen::Vector3f& p) const {
    return {hip_px.x() + p.x() / metres_per_pixel,
            hip_px.y() - (p.y() - hip_height) / metres_per_pixel};
  }
};

// At most four influences per vertex; unused slots have joint 0 and weight 0.
inline constexpr int kMaxInfluences = 4;
struct SkinWeights {
  Eigen::MatrixXi joints;   // #V x 4 bone indices
  Eigen::MatrixXf weights;  // #V x 4, each row sums to 1, sorted descending
};

}  // namespace am::avatar

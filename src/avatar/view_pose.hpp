// The built avatar posed into another frame of the same person. Takes the avatar's rest mesh,
// skeleton (mesh frame), skin weights and bind world landmarks, plus a frame's image and world
// landmarks and its binary person mask; poses it with the frame's world landmarks aligned to its
// image landmarks and fitted to its silhouette, and gives the skinned mesh (model frame, +Z toward
// the camera) and the frame's orthographic ImageToModel, so camera.to_pixel(posed vertex) lands on
// the frame's pixels, the avatar's height on the mask's. The body's yaw comes from the world
// shoulder and hip lines. Throws am::Error when the frame's landmarks cannot place the camera.
#pragma once

#include "avatar/types.hpp"

namespace am::avatar {

// What a frame shows of the avatar: the posed mesh (vertex normals recomputed) and the camera.
struct PosedView {
  Mesh mesh;            // V and N posed; F, UV, FUV and texture those of the rest mesh
  ImageToModel camera;  // the frame's image <-> model map
  PoseLandmarks pose;   // the world landmarks the mesh is posed with
};

// The rest mesh, its rig and the pose it was built in: everything needed to pose it.
struct RiggedAvatar {
  const Mesh& rest;
  const BindPose& skeleton;  // mesh frame (avatar/skeleton.hpp)
  const SkinWeights& weights;
  const PoseLandmarks& bind_world;  // MediaPipe world landmarks of the build photo
};

// Local rotations bone_rotations(make_bind_pose(bind_world), frame_world), skinned.
Mesh pose_mesh(const RiggedAvatar& avatar, const PoseLandmarks& frame_world);

// The camera rescaled so the posed mesh spans the mask's rows (head top to soles), soles on the
// mask's lowest row, then shifted so the rendered silhouette best overlaps the mask (IoU, within
// 1/40 of the person's height of the shift that matches their mean columns). The landmark scale
// and hip column alone are off by up to ~10% and ~10 px in turned views (foreshortened
// segments); the avatar's height is known from the build.
ImageToModel fit_camera_to_mask(const Mesh& posed, ImageToModel camera, const cv::Mat& mask);

// The avatar posed by `pose` (world landmarks) and seen by the frame's camera:
// estimate_image_to_model(landmarks, world, mask), then fit_camera_to_mask.
PosedView pose_with(const RiggedAvatar& avatar, const PoseLandmarks& pose,
                    const PoseLandmarks& frame_landmarks, const PoseLandmarks& frame_world,
                    const cv::Mat& frame_mask);

// The frame's world landmarks aligned to its image landmarks (image_aligned_pose.hpp), fitted to
// its silhouette (silhouette_pose.hpp), then pose_with.
PosedView pose_to_frame(const RiggedAvatar& avatar, const PoseLandmarks& frame_landmarks,
                        const PoseLandmarks& frame_world, const cv::Mat& frame_mask);

// Facing direction of the body about the vertical, degrees: 0 facing the camera, positive when
// the person turns to their left (counter-clockwise seen from above), in (-180, 180].
float body_yaw_deg(const PoseLandmarks& world);

// Yaw of `frame_world` relative to `build_world`, degrees in (-180, 180].
float relative_yaw_deg(const PoseLandmarks& build_world, const PoseLandmarks& frame_world);

}  // namespace am::avatar

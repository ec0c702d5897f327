// One refinement step and the figures that judge it. Takes the rigged avatar, a frame (8-bit
// BGR), its image and world landmarks and its person mask (8-bit, >= 128 = person); gives the
// atlas paint state with what the frame sees of the avatar painted in (texture_paint.hpp), and
// the avatar's silhouette IoU and textured-render PSNR against a frame. Painting never changes the
// mesh, UVs or skin weights: the refined avatar is the same .glb with a new texture (the depth
// fit, depth_fit.hpp, changes positions and normals only).
#pragma once

#include "avatar/depth_raster.hpp"
#include "avatar/texture_paint.hpp"
#include "avatar/view_pose.hpp"

namespace am::avatar {

// A frame of the person as the tracker gives it.
struct FrameObservation {
  const cv::Mat& image;            // 8-bit BGR
  const cv::Mat& mask;             // 8-bit, same size, >= 128 = person
  const PoseLandmarks& landmarks;  // image pixels
  const PoseLandmarks& world;      // MediaPipe world, metres
};

// The avatar posed into the frame and seen by its camera.
struct FrameRender {
  PosedView view;
  DepthRaster raster;
};

FrameRender render_into_frame(const RiggedAvatar& avatar, const FrameObservation& frame);

// pose_to_frame then paint_from_view: the atlas after learning from this frame.
TexturePaint refine_from_frame(const RiggedAvatar& avatar, const FrameObservation& frame,
                               TexturePaint state, const PaintOptions& options = {});

// Intersection over union of the rendered silhouette and the frame's mask (>= 128).
double silhouette_iou(const DepthRaster& raster, const cv::Mat& mask);

// PSNR (dB, 8-bit peak) of `render` against `image` over the pixels where `where` is non-zero;
// throws am::Error when there are none.
double masked_psnr(const cv::Mat& render, const cv::Mat& image, const cv::Mat& where);

// Pixels the avatar covers inside the person mask: where render and frame are compared.
cv::Mat covered_person(const DepthRaster& raster, const cv::Mat& mask);

}  // namespace am::avatar

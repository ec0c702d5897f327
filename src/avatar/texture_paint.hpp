// Painting the avatar's atlas from frames in which the person has turned. Takes the posed mesh
// and camera of a frame (avatar/view_pose.hpp), the frame (8-bit BGR) and its binary person
// mask; gives the atlas with every texel the frame sees repainted. A texel is seen when its
// posed surface point is the front-most at its pixel (depth test), faces the camera (normal . view
// above min_facing) and lies inside the mask (mask_margin_px from its edge). Each texel is the
// blend, weighted by the viewing cosine squared, of the views that saw it within blend_band of
// its most square view so far: a much better later view restarts the blend, a much worse one
// never changes it. The atlas keeps its layout (left half front, right half back); UVs stay
// valid.
#pragma once

#include "avatar/types.hpp"

namespace am::avatar {

struct TexturePaint {
  cv::Mat atlas;       // 8-bit BGR, the mesh's texture layout: the blend below, rounded
  cv::Mat weight;      // CV_32FC1, same size: viewing cosine of the best view of each texel
  cv::Mat colour_sum;  // CV_32FC3: sum of weight^2 * colour over the blended views
  cv::Mat weight_sum;  // CV_32FC1: sum of weight^2
};

struct PaintOptions {
  float min_facing = 0.2f;          // smallest normal . view to paint
  float depth_tolerance_m = 0.02f;  // a point this far behind the front-most surface is hidden
  float blend_band = 0.25f;         // views this close to the best viewing cosine are blended
  float front_weight = 1.5f;        // best weight of the photo's front half in start_paint: above
                                    // any cosine plus blend_band, so the front is kept
  int mask_margin_px = 4;           // texels this close to the mask's edge are not painted
};

// The build's atlas as the starting state: front half (u < 0.5) weight front_weight, the
// synthesized back half weight 0 so any view that sees it replaces it.
TexturePaint start_paint(const cv::Mat& atlas, const PaintOptions& options = {});

// posed: the avatar posed into the frame (same F, UV, FUV as the atlas was made for).
TexturePaint paint_from_view(const Mesh& posed, const ImageToModel& camera, const cv::Mat& frame,
                             const cv::Mat& mask, TexturePaint state,
                             const PaintOptions& options = {});

}  // namespace am::avatar

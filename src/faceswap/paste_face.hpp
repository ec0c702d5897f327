// One face swap without models: the source face (a BGR crop, its 468 mesh points and their
// Delaunay triangles) is warped piecewise-affinely onto the target's 468 points (so its lips and
// eyelids follow the target's contours: a blink stays a blink), recoloured to the target's skin in
// Lab and relit with the target's shading, and blended inside the target's face oval. The target's
// expression stays: its inner mouth (teeth, tongue, the open lips' inner edge) and, when asked, its
// eyes (iris and white) show through, feathered in along the mesh's inner-lip and eye contours.
// Things in front of the face (a hand, a cup) stay too when the caller marks them in an occlusion
// mask; what is not skin and reaches in over the face's edge (hair over the forehead or a cheek, a
// microphone) stays without being marked, and the source's own hair at its temples is not pasted.
// On a turned head only the triangles facing the camera are pasted, nearest last, and the
// skin a frontal source cannot show (stretched more than max_stretch) stays the target's. Takes the
// target image (changed in place) and points in its pixels; gives the region it touched, the blend
// mask there and the kept features. Pure.
#pragma once

#include <span>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "faceswap/visible_triangles.hpp"

namespace am {

struct SourceFace {
  cv::Mat image;                     // 8-bit BGR crop around the face
  std::vector<cv::Point2f> points;   // 468 mesh points, crop pixels
  std::vector<cv::Vec3i> triangles;  // Delaunay triangles over points
};

enum class BlendMode { Feathered, Seamless };

struct PasteOptions {
  BlendMode blend = BlendMode::Feathered;
  bool keep_mouth = true;      // the target's open mouth (inside the inner lips) shows through
  bool keep_eyes = false;      // the target's eyes (iris and white) show through: off by default,
                               // it costs identity (docs/faceswap.md)
  float eye_scale = 0.7f;      // the kept eyes are the eyelid contours shrunk about their centre by
                               // this factor: iris and white are the target's, lids and lashes the
                               // source's; a closed eye keeps nothing
  float keep_feather = 0.02f;  // the kept mouth and eyes fade out over this fraction of the face's
                               // size outside
  bool color_transfer = true;
  bool match_shading = true;    // the target's light and shade (low frequencies of its luma)
  float shading_sigma = 0.08f;  // their scale, as a fraction of the face's size
  bool match_detail = true;     // sharpen a smoother source face to the target's skin detail
  float inset = 0.04f;        // the face oval is shrunk by this fraction of the face's size, so the
                              // soft edge lies on skin, not on the jaw line or the hair
  float feather = 0.07f;      // width of the soft edge, as a fraction of the face's size
  bool keep_covering = true;  // what covers the target's skin at the face's edge stays; the
                              // source's hair there is not pasted (skin_mask.hpp)
  float max_stretch = kMaxTriangleStretch;  // a source triangle the warp stretches more than this
                                            // (relative to the face's scale) is not pasted: the
                                            // target's skin stays there
};

struct PastedFace {
  cv::Rect region;  // pixels of the target that may have changed
  cv::Mat mask;     // CV_8U, region-sized: the face oval the source face was blended into
  cv::Mat kept;     // CV_8U, region-sized: the target's mouth, eyes and occluders that show through
};

// The crop of bgr around the points (padded by a quarter of their size, clipped to the image),
// the points moved into it and triangulated. Requires 468 points.
SourceFace make_source_face(const cv::Mat& bgr, std::span<const cv::Point2f> points);

// Requires 468 target points. A face whose region lies outside the image is left alone (empty
// region). `occluded` (CV_8U, target-sized, or empty for none): pixels in front of the face; they
// are kept like the mouth (unchanged, the source fading in around them). `target_depth`: the
// target points' depth (FaceMeshResult::depth) or empty; it orders the triangles of a turned head.
PastedFace paste_face(cv::Mat& target, const SourceFace& source,
                      std::span<const cv::Point2f> target_points, const PasteOptions& options,
                      const cv::Mat& occluded = {}, std::span<const float> target_depth = {});

}  // namespace am

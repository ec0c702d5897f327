// Shape from the silhouettes of turned views (issue 16, part 3a, per vertex). Takes the rigged
// avatar and frames of the same person (their person masks); gives the rest mesh with every
// vertex moved along its normal by a smooth offset fitted to those silhouettes: in each frame
// (pose fitted once by pose_to_frame, then kept), the vertices on the posed avatar's outline are
// matched to the person mask's edge along their normal in the image, the signed distances
// (metres) are averaged per vertex over the frames and spread over the mesh by a Laplacian
// smoothing that keeps unobserved vertices near their neighbours. Offsets along the normal
// survive skinning (the bones turn the normal with the vertex), so no un-posing is needed. F, UV,
// FUV, the texture and the skin weights stay valid; V and N change. Pure.
#pragma once

#include <vector>

#include "avatar/view_refine.hpp"

namespace am::avatar {

// Per-vertex sums of the outline distances seen so far and how many frames saw each vertex.
struct OutlineOffsets {
  Eigen::VectorXf sum;
  Eigen::VectorXf count;
};

struct SilhouetteShapeOptions {
  float max_search_px = 12.0f;  // a mask edge farther than this along the normal is not matched
  float smoothness = 1.0f;      // weight of the Laplacian against one frame's observation
  float max_offset_m = 0.04f;   // no vertex moves farther than this from the input mesh
  int iterations = 3;           // match, smooth, move: the outline changes as the mesh moves
};

// Adds to `acc` (sized to posed.V's rows) one frame's outline distances: for each vertex whose
// normal lies in the image plane (|n.z| < 0.44) and whose pixel is on the rendered silhouette's
// edge (2 px inside is rendered, 2 px outside is not), the distance along the normal's image
// direction to the mask's edge (positive outward), if within max_search_px.
void add_outline_offsets(const Mesh& posed, const ImageToModel& camera, const cv::Mat& person,
                         const cv::Mat& rendered, float max_search_px, OutlineOffsets& acc);

// The smooth per-vertex offset: minimizes sum count_v (u_v - mean_v)^2 + smoothness u'Ku over the
// mesh's edge graph Laplacian K (plus a tiny pull to zero, so unseen parts far from any
// observation stay put), clamped to +-max_offset_m.
Eigen::VectorXf smooth_offsets(const Mesh& mesh, const OutlineOffsets& acc, float smoothness,
                               float max_offset_m);

// The mesh with V moved by offset * N and N recomputed.
Mesh offset_along_normals(const Mesh& mesh, const Eigen::VectorXf& offset);

// One frame as the shape fit sees it: the binary person mask (0/255), the frame's landmarks and
// the pose fitted to the avatar in it (kept while the shape changes).
struct ShapeFrame {
  cv::Mat person;
  PoseLandmarks landmarks{}, world{}, pose{};
};

// The frame with its pose fitted by pose_to_frame (the costly step: keep the result).
ShapeFrame shape_frame(const RiggedAvatar& avatar, const FrameObservation& frame);

// The fitted rest mesh; throws am::Error on no frame.
Mesh fit_silhouette_shape(const RiggedAvatar& avatar, const std::vector<ShapeFrame>& frames,
                          const SilhouetteShapeOptions& options = {});
Mesh fit_silhouette_shape(const RiggedAvatar& avatar, const std::vector<FrameObservation>& frames,
                          const SilhouetteShapeOptions& options = {});

}  // namespace am::avatar

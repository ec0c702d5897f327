// Single-view reconstruction of a person. Takes a PersonView (photo, soft mask, 2D and world
// landmarks); gives a closed, consistently wound, textured triangle mesh in the model frame
// (metres, Y up, facing +Z, feet on y = 0) whose orthographic front view is the silhouette.
// The front and back sheets share their rim vertices on the silhouette (no cracks); depth
// comes from body-part capsules (body_parts.hpp). An arm lying against the torso below the
// armpit is cut free of it (arm_contact.hpp): the two meet along the cut without sharing it. Throws
// am::Error on an empty mask or unusable landmarks.
//
// Multi-view refinement: every vertex keeps the image pixel it was made from and its side
// (front, back, rim). A later frame in which the person has turned can move vertices along
// the camera ray (their model Z only) to fit that view's silhouette and replace the back
// half of the atlas with real pixels; topology, UVs and skin weights stay valid.
#pragma once

#include "avatar/body_parts.hpp"
#include "avatar/types.hpp"

namespace am::avatar {

struct ReconstructOptions {
  float grid_step_px = 0;        // 0: silhouette height / 128, at least 2
  float blend_fraction = 0.01f;  // soft-min width between body parts, of silhouette height
  PartDepthRatios depth_ratios;
};

enum class VertexSide : int { kFront = 0, kBack = 1, kRim = 2 };

struct Reconstruction {
  Mesh mesh;
  ImageToModel frame;
  cv::Mat binary_mask;           // cleaned person mask (0/255): the outline the mesh reproduces
  cv::Mat separated_mask;        // binary_mask less the arm/torso contact cuts (arm_contact.hpp):
                                 // parts apart in it are apart in the mesh
  cv::Rect texture_crop;         // the photo region each half of mesh.texture shows
  Eigen::MatrixXf pixels;        // #V x 2 image pixel of each vertex
  std::vector<VertexSide> side;  // #V
};

// Binary person mask: soft mask >= 128, largest component, holes under 1% of it filled.
cv::Mat clean_person_mask(const cv::Mat& soft_mask);

Reconstruction reconstruct(const PersonView& view, const ReconstructOptions& options = {});

}  // namespace am::avatar

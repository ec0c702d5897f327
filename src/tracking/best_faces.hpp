// The best faces of a track and the embedding they agree on. Takes face samples as a track sees
// them (embedding, face width in pixels, frontality from the 5 alignment points, sharpness of the
// face crop); keeps the few of highest quality; gives their quality-weighted mean embedding (unit
// length) and how clear the best of them is, so the identity is matched on the track's best faces
// rather than on one frame's face. Pure functions.
#pragma once

#include <array>
#include <vector>

#include <opencv2/core/types.hpp>

#include "tracking/types.hpp"

namespace am::tracking {

struct FaceSample {
  FaceEmbedding embedding;  // unit length
  float width_px = 0;       // face width (1.6 x the distance between the eye centres)
  float frontality = 0;     // 1 facing the camera, 0 in profile (frontality())
  float sharpness = 0;      // laplacian_variance of the face box
  float quality = 0;        // face_quality(); filled by keep_best_face
};

struct FaceQualityOptions {
  float min_width_px = 16;    // narrower faces are not used at all
  float full_width_px = 80;   // the size score reaches 1 here
  float full_sharpness = 60;  // the sharpness score reaches 1 here (docs/tracking.md)
  int max_kept = 5;           // best faces kept per track
};

// Eye centres, nose tip, mouth corners (the FaceDetector's 5 points, image-left eye first).
using FivePointArray = std::array<cv::Point2f, 5>;

// How squarely the face looks at the camera, from where the nose tip sits between the eyes:
// 1 when centred, 0 when it reaches an eye (about 45 degrees of yaw) or beyond.
float frontality(const FivePointArray& points);

// Face width as used by FaceSample::width_px.
float face_width(const FivePointArray& points);

// In [0, 1]: size score x frontality x sharpness score; 0 below min_width_px.
float face_quality(const FaceSample& sample, const FaceQualityOptions& options = {});

// Adds sample (its quality computed) to kept when it is among the max_kept best; returns true
// when kept changed. Samples of quality 0 or without an embedding are never kept.
bool keep_best_face(std::vector<FaceSample>& kept, FaceSample sample,
                    const FaceQualityOptions& options = {});

struct FaceAggregate {
  FaceEmbedding embedding;  // empty when no face was kept
  float quality = 0;        // the best kept sample's quality
  int count = 0;
};

// Quality-weighted mean of the kept embeddings, normalised to unit length.
FaceAggregate aggregate_faces(const std::vector<FaceSample>& kept);

}  // namespace am::tracking

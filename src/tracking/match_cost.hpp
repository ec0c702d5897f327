// The cost of saying "this detection is that track", from three cues: box overlap (IoU), the
// mean distance between landmarks visible on both sides (relative to the track's box size) and,
// when both sides carry a face embedding, their cosine similarity. Takes PersonInputs (a track is
// given as its predicted PersonInput); gives a cost in [0, 1] (0: certainly the same person) or
// kForbiddenCost when the two are spatially apart and their faces do not match. Pure functions.
#pragma once

#include <optional>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "tracking/types.hpp"

namespace am::tracking {

inline constexpr double kForbiddenCost = 1e6;

struct CostOptions {
  float iou_weight = 1;
  float landmark_weight = 1;
  float face_weight = 2;                // faces are the most reliable cue when both are present
  float min_visibility = 0.5f;          // a landmark counts when its visibility is above this
  float same_person_threshold = 0.45f;  // cosine; kSamePersonThreshold of face_embedder.hpp
};

float box_iou(const cv::Rect2f& a, const cv::Rect2f& b);

// Mean image distance of the landmarks visible in both, divided by scale; nullopt when fewer
// than 3 landmarks are visible in both.
std::optional<float> landmark_distance(const PoseLandmarks& a, const PoseLandmarks& b, float scale,
                                       float min_visibility);

// Cosine similarity of two faces; nullopt when either is missing or their sizes differ.
std::optional<float> face_similarity(const FaceEmbedding& a, const FaceEmbedding& b);

double match_cost(const PersonInput& track, const PersonInput& detection,
                  const CostOptions& options);

// tracks.size() x detections.size() matrix of match_cost.
cv::Mat1d cost_matrix(const std::vector<PersonInput>& tracks,
                      const std::vector<PersonInput>& detections, const CostOptions& options);

}  // namespace am::tracking

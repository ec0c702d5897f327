// What the tracker and the quality gate take: one person seen in one frame, as plain data the
// integrator fills from the pose estimator (box, 33 landmarks, 33 world landmarks) and the face
// embedder (512 values of unit length, or nothing when no face was matched to the person).
// Landmarks are the body model's (body/landmarks.hpp).
#pragma once

#include <array>
#include <vector>

#include <opencv2/core/types.hpp>

#include "body/landmarks.hpp"

namespace am::tracking {

using FaceEmbedding = std::vector<float>;  // unit length (FaceEmbedder); empty: no face

struct PersonInput {
  cv::Rect2f box;  // person box in image pixels
  float score = 0;
  PoseLandmarks landmarks{};  // image pixels (body/landmarks.hpp)
  PoseLandmarks world{};      // metres; all zeros when unknown
  FaceEmbedding face;
};

}  // namespace am::tracking

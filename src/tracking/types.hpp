// What the tracker and the quality gate take: one person seen in one frame, as plain data the
// integrator fills from the pose estimator (box, 33 landmarks, 33 world landmarks) and the face
// embedder (512 values of unit length, or nothing when no face was matched to the person).
// Landmark order and names are MediaPipe's (DESIGN.md section 5).
#pragma once

#include <array>
#include <vector>

#include <opencv2/core/types.hpp>

#include "core/body_landmarks.hpp"

namespace am::tracking {

inline constexpr int kPoseLandmarkCount = kLandmarkCount;

// Image landmark: x, y in pixels, z MediaPipe's relative depth; visibility and presence in [0, 1].
struct PoseLandmark {
  float x = 0, y = 0, z = 0;
  float visibility = 0;
  float presence = 0;
};

// World landmark: metres, origin between the hips, x toward image right, y down, z away from
// the camera.
struct WorldLandmark {
  float x = 0, y = 0, z = 0;
};

using PoseLandmarks = std::array<PoseLandmark, kPoseLandmarkCount>;
using WorldLandmarks = std::array<WorldLandmark, kPoseLandmarkCount>;
using FaceEmbedding = std::vector<float>;  // unit length (FaceEmbedder); empty: no face

struct PersonInput {
  cv::Rect2f box;  // person box in image pixels
  float score = 0;
  PoseLandmarks landmarks{};
  WorldLandmarks world{};  // all zeros when unknown
  FaceEmbedding face;
};

enum LandmarkIndex : int {
  kNose = 0,
  kLeftEyeInner,
  kLeftEye,
  kLeftEyeOuter,
  kRightEyeInner,
  kRightEye,
  kRightEyeOuter,
  kLeftEar,
  kRightEar,
  kMouthLeft,
  kMouthRight,
  kLeftShoulder,
  kRightShoulder,
  kLeftElbow,
  kRightElbow,
  kLeftWrist,
  kRightWrist,
  kLeftPinky,
  kRightPinky,
  kLeftIndex,
  kRightIndex,
  kLeftThumb,
  kRightThumb,
  kLeftHip,
  kRightHip,
  kLeftKnee,
  kRightKnee,
  kLeftAnkle,
  kRightAnkle,
  kLeftHeel,
  kRightHeel,
  kLeftFootIndex,
  kRightFootIndex,
};

// "left_elbow" for kLeftElbow; the MediaPipe name of any index in [0, 33).
const char* landmark_name(int index);

}  // namespace am::tracking

// MediaPipe's 33 pose landmarks: the one enum and name table every stage uses (perception's JSON
// output, tracking's quality messages, the avatar, the wire protocol). Landmark order is the pose
// model's output order; landmark_names()[i] names Landmark(i). Left/right pairs are adjacent, the
// left one first (side(left, 1) is the right twin). PoseLandmarks is the one array type of a
// pose, image or world.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace am {

inline constexpr int kLandmarkCount = 33;

namespace lm {

// Index of each landmark in the model's output and in every landmark array.
enum Landmark : int {
  kNose,
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

}  // namespace lm

using Landmark = lm::Landmark;

const std::array<std::string_view, kLandmarkCount>& landmark_names();
std::vector<std::string> landmark_name_list();

// The left landmark for side 0, its right twin for side 1 (kLeft* only).
constexpr Landmark side(Landmark left, int s) { return static_cast<Landmark>(left + s); }

// One landmark as the pose model gives it. Image landmarks: x, y in pixels (x right, y down),
// z MediaPipe's relative depth on the scale of x (smaller = closer to the camera). World
// landmarks: x, y, z in metres, origin between the hips, x toward the image's right, y down,
// z away from the camera. visibility and presence in [0, 1] (a world landmark carries its image
// landmark's).
struct PoseLandmark {
  float x = 0, y = 0, z = 0;
  float visibility = 0;
  float presence = 0;
};
using PoseLandmarks = std::array<PoseLandmark, kLandmarkCount>;  // indexed by Landmark

}  // namespace am

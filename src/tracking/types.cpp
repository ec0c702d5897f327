#include "tracking/types.hpp"

#include "core/body_landmarks.hpp"

namespace am::tracking {

const char* landmark_name(int index) {
  return index >= 0 && index < kPoseLandmarkCount ? landmark_names()[index].data() : "unknown";
}

}  // namespace am::tracking

#include "perception/pose/pose_smoother.hpp"

#include <algorithm>

namespace am {

namespace {

constexpr OneEuroParams kBodyParams{30, 0.05, 80, 1};
constexpr OneEuroParams kAuxParams{30, 0.01, 10, 1};
constexpr OneEuroParams kWorldParams{30, 0.1, 40, 1};
constexpr float kVisibilityAlpha = 0.1f;
constexpr float kMinObjectScale = 1e-6f;

// Mean of the width and height of the points' bounding box, in pixels.
float object_scale(const std::vector<PoseLandmark>& lms, std::size_t begin, std::size_t end) {
  float x0 = 1e30f, y0 = 1e30f, x1 = -1e30f, y1 = -1e30f;
  for (std::size_t i = begin; i < end; ++i) {
    x0 = std::min(x0, lms[i].x), y0 = std::min(y0, lms[i].y);
    x1 = std::max(x1, lms[i].x), y1 = std::max(y1, lms[i].y);
  }
  return ((x1 - x0) + (y1 - y0)) / 2;
}

}  // namespace

void PoseSmoother::smooth_points(double t, std::vector<PoseLandmark>& lms, std::size_t begin,
                                 std::size_t end, std::vector<Xyz>& filters,
                                 const OneEuroParams& params) {
  end = std::min(end, lms.size());
  if (begin >= end) return;
  const float scale = object_scale(lms, begin, end);
  if (scale < kMinObjectScale) return;
  if (filters.size() != end - begin)
    filters.assign(end - begin,
                   {OneEuroFilter(params), OneEuroFilter(params), OneEuroFilter(params)});
  for (std::size_t i = begin; i < end; ++i) {
    Xyz& f = filters[i - begin];
    lms[i].x = f[0].apply(t, lms[i].x, 1 / scale);
    lms[i].y = f[1].apply(t, lms[i].y, 1 / scale);
    lms[i].z = f[2].apply(t, lms[i].z, 1 / scale);
  }
}

void PoseSmoother::smooth(double t, std::vector<PoseLandmark>& lms, PoseLandmarks& world) {
  if (visibility_.size() != lms.size()) visibility_.assign(lms.size(), {});
  for (std::size_t i = 0; i < lms.size(); ++i)
    lms[i].visibility = visibility_[i].apply(lms[i].visibility, kVisibilityAlpha);
  smooth_points(t, lms, 0, kLandmarkCount, body_, kBodyParams);
  smooth_points(t, lms, kLandmarkCount, kLandmarkCount + 2, aux_, kAuxParams);
  if (world_.size() != world.size())
    world_.assign(world.size(), {OneEuroFilter(kWorldParams), OneEuroFilter(kWorldParams),
                                 OneEuroFilter(kWorldParams)});
  for (std::size_t i = 0; i < world.size(); ++i) {
    world[i].x = world_[i][0].apply(t, world[i].x);
    world[i].y = world_[i][1].apply(t, world[i].y);
    world[i].z = world_[i][2].apply(t, world[i].z);
  }
}

}  // namespace am

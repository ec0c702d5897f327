#include "support/refine_steps.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

#include <opencv2/core/utility.hpp>

#include "avatar/silhouette_shape.hpp"
#include "core/error.hpp"
#include "support/models_dir.hpp"

namespace am::test {

namespace {

using Clock = std::chrono::steady_clock;

constexpr float kTurnedDeg = 45.0f;
constexpr float kFrontalDeg = 15.0f;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// At most kSideFrames refinement frames seen from the side (45-135 degrees), evenly spaced.
std::vector<avatar::FrameObservation> side_views(const std::vector<const ClipFrame*>& frames,
                                                 const PoseLandmarks& bind) {
  constexpr size_t kSideFrames = 12;
  std::vector<const ClipFrame*> side;
  for (const ClipFrame* f : frames)
    if (std::abs(avatar::relative_yaw_deg(bind, f->world)) <= 135.0f) side.push_back(f);
  std::vector<avatar::FrameObservation> out;
  const size_t step = std::max<size_t>(1, side.size() / kSideFrames);
  for (size_t i = 0; i < side.size(); i += step) out.push_back(side[i]->observation());
  return out;
}

}  // namespace

namespace {

PoseTrackerOptions with_mask() {
  PoseTrackerOptions options;
  options.with_mask = true;
  return options;
}

constexpr SessionOptions kTwoCores{Device::Cpu, 2};

}  // namespace

MeasureModels::MeasureModels()
    : segmenter(models_dir(), kTwoCores), pose(models_dir(), with_mask(), kTwoCores) {
  cv::setNumThreads(2);
}

int run_measure(const char* name, const std::function<int()>& body) {
  try {
    return body();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s: %s\n", name, e.what());
    return 1;
  }
}

TurnedSplit split_turned(const std::vector<ClipFrame>& frames, const PoseLandmarks& bind) {
  TurnedSplit out;
  for (const ClipFrame& f : frames)
    if (std::abs(avatar::relative_yaw_deg(bind, f.world)) >= kTurnedDeg)
      (out.refine.size() <= out.held_out.size() ? out.refine : out.held_out).push_back(&f);
  return out;
}

const ClipFrame& first_frontal(const std::vector<ClipFrame>& frames) {
  for (const ClipFrame& f : frames)
    if (std::abs(avatar::body_yaw_deg(f.world)) < kFrontalDeg) return f;
  throw Error("no frame faces the camera (body yaw within 15 degrees)");
}

Refinement refine_avatar(const builder::AvatarBuild& build, const ClipFrame& build_frame,
                         const std::vector<const ClipFrame*>& refine_frames) {
  Refinement out;
  const avatar::RiggedAvatar front_only = builder::rigged(build);
  auto start = Clock::now();
  const std::vector<avatar::FrameObservation> side = side_views(refine_frames, build.bind_world);
  out.side_views = side.size();
  out.scales = avatar::fit_depth_scales(front_only, side);
  const avatar::Mesh deeper = avatar::scale_depth(front_only, out.scales);
  out.depth_ms = ms_since(start);

  start = Clock::now();
  std::vector<avatar::FrameObservation> shape_views;
  for (const ClipFrame* f : refine_frames) shape_views.push_back(f->observation());
  shape_views.push_back(build_frame.observation());
  out.shape_views = shape_views.size();
  out.mesh = avatar::fit_silhouette_shape({deeper, build.skeleton, build.weights, build.bind_world},
                                          shape_views);
  out.shape_ms = ms_since(start);

  start = Clock::now();
  const avatar::RiggedAvatar refined = out.rigged(build);
  avatar::TexturePaint paint = avatar::start_paint(out.mesh.texture);
  for (const ClipFrame* f : refine_frames)
    paint = avatar::refine_from_frame(refined, f->observation(), std::move(paint));
  out.paint_ms_per_frame =
      ms_since(start) / static_cast<double>(std::max<size_t>(1, refine_frames.size()));
  out.atlas = paint.atlas;
  return out;
}

}  // namespace am::test

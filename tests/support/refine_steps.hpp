// The avatar refinement as the measures run it (bench/refine_measure.cpp on the turning clip,
// bench/scan_measure.cpp on a rendered scan): takes the build, its frame and the tracked frames;
// splits the turned ones (>= 45 degrees from the build view) alternately into refinement and
// held-out frames, then refines with the first half: group depth fit on up to 12 side views,
// per-vertex shape fit to every refinement frame's silhouette and the build frame's, atlas
// painted from every refinement frame. Gives the refined avatar, its atlas and the step times.
#pragma once

#include <functional>
#include <vector>

#include "avatar/depth_fit.hpp"
#include "support/turning_clip.hpp"

namespace am::test {

// The models the measures run (segmenter, pose tracker with its person mask), on 2 CPU threads.
struct MeasureModels {
  MeasureModels();
  Segmenter segmenter;
  PoseTracker pose;
};

// A measure tool's main: the body's exit code, or 1 with "NAME: message" on stderr when it throws.
int run_measure(const char* name, const std::function<int()>& body);

struct TurnedSplit {
  std::vector<const ClipFrame*> refine, held_out;
};

TurnedSplit split_turned(const std::vector<ClipFrame>& frames, const PoseLandmarks& bind);

// The first frame within 15 degrees of facing the camera; throws am::Error when there is none.
const ClipFrame& first_frontal(const std::vector<ClipFrame>& frames);

struct Refinement {
  avatar::Mesh mesh;  // the shape-fitted rest mesh (texture: the build's atlas)
  cv::Mat atlas;      // painted from the refinement frames
  avatar::DepthScales scales{};
  size_t side_views = 0, shape_views = 0;
  double depth_ms = 0, shape_ms = 0, paint_ms_per_frame = 0;

  avatar::RiggedAvatar rigged(const builder::AvatarBuild& build) const {
    return {mesh, build.skeleton, build.weights, build.bind_world};
  }
};

Refinement refine_avatar(const builder::AvatarBuild& build, const ClipFrame& build_frame,
                         const std::vector<const ClipFrame*>& refine_frames);

}  // namespace am::test

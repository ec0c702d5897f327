// Refinement from turned frames on the real clip video/peoplesnapshot_female-1-casual.mp4 (a woman
// turning round): the avatar built from a frontal frame, its atlas painted from back views and its
// shape fitted to their silhouettes, judged on back views it never saw. Every 20th frame is posed
// as a still image (fast: about 45 frames).
#include <gtest/gtest.h>

#include <cmath>
#include <iostream>
#include <numeric>

#include <opencv2/core.hpp>

#include "avatar/silhouette_shape.hpp"
#include "core/error.hpp"
#include "support/models_dir.hpp"
#include "support/testdata.hpp"
#include "support/turning_clip.hpp"

namespace am::test {
namespace {

constexpr int kStep = 20;
constexpr float kBackDeg = 120.0f;

struct Refined {
  builder::AvatarBuild build;
  std::vector<ClipFrame> refined_from, held_out;
  cv::Mat atlas;
  avatar::Mesh shaped;  // the build's mesh fitted to the build photo's and refined_from's outlines
};

const Refined& refined() {
  static const Refined r = [] {
    PoseTrackerOptions options;
    options.with_mask = true;
    PoseTracker pose(models_dir(), options);
    const Segmenter segmenter(models_dir());
    std::vector<int> indices(45);
    std::iota(indices.begin(), indices.end(), 0);
    for (int& i : indices) i *= kStep;
    std::vector<ClipFrame> frames =
        still_frames(testdata("video/peoplesnapshot_female-1-casual.mp4"), pose, indices);
    if (frames.empty()) throw Error("no person found in the clip");
    Refined out{builder::build_avatar(frames.front().image, pose, segmenter), {}, {}, {}, {}};
    for (ClipFrame& f : frames) {
      if (std::abs(avatar::relative_yaw_deg(out.build.bind_world, f.world)) < kBackDeg) continue;
      auto& set = out.refined_from.size() <= out.held_out.size() ? out.refined_from : out.held_out;
      set.push_back(std::move(f));
    }
    avatar::TexturePaint paint = avatar::start_paint(out.build.reconstruction.mesh.texture);
    for (const ClipFrame& f : out.refined_from)
      paint =
          avatar::refine_from_frame(builder::rigged(out.build), f.observation(), std::move(paint));
    out.atlas = paint.atlas;
    std::vector<avatar::FrameObservation> outlines{builder::photo_observation(out.build)};
    for (const ClipFrame& f : out.refined_from) outlines.push_back(f.observation());
    out.shaped = avatar::fit_silhouette_shape(builder::rigged(out.build), outlines);
    return out;
  }();
  return r;
}

TEST(RefineClip, TheClipShowsHerBack) {
  EXPECT_GE(refined().refined_from.size(), 2u);
  EXPECT_GE(refined().held_out.size(), 2u);
}

TEST(RefineClip, BackViewsItNeverSawRenderCloserWithTheRefinedAtlas) {
  const Refined& r = refined();
  ASSERT_FALSE(r.held_out.empty());
  double front = 0, painted = 0;
  for (const ClipFrame& f : r.held_out) {
    const FrameScore s =
        score_frame({builder::rigged(r.build), builder::rigged(r.build), r.atlas}, f);
    front += s.psnr_front, painted += s.psnr_refined;
    RecordProperty("frame_" + std::to_string(f.index),
                   std::to_string(s.psnr_front) + " -> " + std::to_string(s.psnr_refined) + " dB");
  }
  const double n = static_cast<double>(r.held_out.size());
  EXPECT_GT(painted / n, front / n + 1.0) << "mean PSNR front-only " << front / n << " dB";
}

TEST(RefineClip, TheShapeFitCoversBackViewsItNeverSawBetter) {
  const Refined& r = refined();
  ASSERT_FALSE(r.held_out.empty());
  const avatar::RiggedAvatar shaped{r.shaped, r.build.skeleton, r.build.weights,
                                    r.build.bind_world};
  double front = 0, fitted = 0;
  for (const ClipFrame& f : r.held_out) {
    const FrameScore s = score_frame({builder::rigged(r.build), shaped, r.atlas}, f);
    front += s.iou_front, fitted += s.iou_refined;
    RecordProperty("frame_" + std::to_string(f.index),
                   std::to_string(s.iou_front) + " -> " + std::to_string(s.iou_refined));
  }
  const double n = static_cast<double>(r.held_out.size());
  std::cout << "silhouette IoU of held-out back views: front-only " << front / n << ", shaped "
            << fitted / n << "\n";
  EXPECT_GT(fitted / n, front / n + 0.015);
}

TEST(RefineClip, TheFrontOfTheAtlasIsKept) {
  const cv::Mat& before = refined().build.reconstruction.mesh.texture;
  const cv::Rect front(0, 0, before.cols / 2, before.rows);
  EXPECT_EQ(cv::norm(refined().atlas(front), before(front), cv::NORM_INF), 0.0);
}

}  // namespace
}  // namespace am::test

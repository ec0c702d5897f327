// Refinement from turned frames (docs/avatar.md): on video/peoplesnapshot_female-1-casual.mp4
// (a woman turning round in front of a fixed camera), builds the avatar from the first frontal
// frame with the real models, tracks the clip (BlazePose full with its mask), takes every 2nd
// frame whose yaw differs >= 45 degrees from the build view for refinement (depth fit on up to
// 12 side views, the per-vertex shape fit to every refinement frame's silhouette and the build
// frame's, then atlas painting) and holds out the others, then prints per yaw band: the posed
// avatar's silhouette IoU against each frame's mask (all frames and held-out ones), front-only and
// refined, the PSNR (inside the person) of its render in held-out frames, and the time of the
// refinement steps. Not a Google Benchmark (scripts/bench.sh skips it):
// `build/bench/am_refine_measure [--stride N] [--out DIR]` (DIR gets the atlases and renders).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>

#include <opencv2/core/utility.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "avatar/depth_fit.hpp"
#include "avatar/silhouette_shape.hpp"
#include "core/error.hpp"
#include "support/models_dir.hpp"
#include "support/testdata.hpp"
#include "support/turning_clip.hpp"

namespace {

using namespace am;
using Clock = std::chrono::steady_clock;

constexpr float kTurnedDeg = 45.0f;
constexpr float kFrontalDeg = 15.0f;

struct Options {
  int stride = 2;
  std::filesystem::path out;
  std::string masks = "pose";  // judge against: pose (the model's), segmenter or chroma (key)
};

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string key = argv[i];
    if (key == "--stride")
      o.stride = std::stoi(argv[i + 1]);
    else if (key == "--out")
      o.out = argv[i + 1];
    else if (key == "--masks")
      o.masks = argv[i + 1];
    else
      throw Error("unknown option " + key +
                  " (use --stride N, --out DIR, --masks pose|segmenter|chroma)");
  }
  if (o.masks != "pose" && o.masks != "segmenter" && o.masks != "chroma")
    throw Error("unknown --masks " + o.masks + " (use pose, segmenter or chroma)");
  return o;
}

const test::ClipFrame& first_frontal(const std::vector<test::ClipFrame>& frames) {
  for (const test::ClipFrame& f : frames)
    if (std::abs(avatar::body_yaw_deg(f.world)) < kFrontalDeg) return f;
  throw Error("no frontal frame in the clip");
}

// Mean of a figure per yaw band (0-45, 45-90, 90-135, 135-180) and over all frames.
struct Bands {
  std::map<int, std::pair<double, int>> sums;
  void add(float yaw, double value) {
    for (int band : {static_cast<int>(std::abs(yaw)) / 45 * 45, -1}) {
      sums[band].first += value;
      sums[band].second += 1;
    }
  }
  double mean(int band) const {
    const auto it = sums.find(band);
    return it == sums.end() ? NAN : it->second.first / it->second.second;
  }
  int count(int band) const {
    const auto it = sums.find(band);
    return it == sums.end() ? 0 : it->second.second;
  }
};

void print_row(const char* name, const Bands& b) {
  std::printf("%-26s", name);
  for (int band : {0, 45, 90, 135, -1}) std::printf(" %9.3f", b.mean(band));
  std::printf("\n");
}

// The frame darkened, the person mask's pixels the refined avatar misses in red, the avatar's
// pixels outside the mask in blue, both in green.
cv::Mat silhouette_overlay(const avatar::RiggedAvatar& a, const test::ClipFrame& f) {
  const avatar::FrameRender r = avatar::render_into_frame(a, f.observation());
  const cv::Mat avatar_px = r.raster.face >= 0, person = f.mask >= 128;
  cv::Mat out = f.image * 0.4;
  out.setTo(cv::Scalar(0, 0, 255), person & ~avatar_px);
  out.setTo(cv::Scalar(255, 0, 0), avatar_px & ~person);
  out.setTo(cv::Scalar(0, 160, 0), avatar_px & person);
  return out;
}

// The two atlases and, for every 16th kept frame, the frame beside the avatar rendered into
// it as built and as refined, and the refined silhouette against the mask.
void write_images(const std::filesystem::path& dir, const test::AvatarPair& avatars,
                  const std::vector<test::ClipFrame>& frames) {
  std::filesystem::create_directories(dir);
  cv::imwrite((dir / "atlas_front.png").string(), avatars.front_only.rest.texture);
  cv::imwrite((dir / "atlas_refined.png").string(), avatars.refined_atlas);
  const auto render = [](const avatar::RiggedAvatar& a, const cv::Mat& atlas,
                         const test::ClipFrame& f) {
    const avatar::FrameRender r = avatar::render_into_frame(a, f.observation());
    return avatar::render_textured(r.view.mesh, atlas, r.view.camera, r.raster);
  };
  for (size_t i = 0; i < frames.size(); i += 16) {
    const test::ClipFrame& f = frames[i];
    cv::Mat row;
    cv::hconcat(std::vector<cv::Mat>{f.image,
                                     render(avatars.front_only, avatars.front_only.rest.texture, f),
                                     render(avatars.refined, avatars.refined_atlas, f),
                                     silhouette_overlay(avatars.refined, f)},
                row);
    cv::resize(row, row, {}, 0.5, 0.5, cv::INTER_AREA);
    cv::imwrite((dir / ("frame_" + std::to_string(f.index) + ".png")).string(), row);
  }
}

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Frames turned >= 45 degrees from the build view, alternately for refinement and held out.
struct TurnedSplit {
  std::vector<const test::ClipFrame*> refine, held_out;
};

TurnedSplit split_turned(const std::vector<test::ClipFrame>& frames, const PoseLandmarks& bind) {
  TurnedSplit out;
  for (const test::ClipFrame& f : frames)
    if (std::abs(avatar::relative_yaw_deg(bind, f.world)) >= kTurnedDeg)
      (out.refine.size() <= out.held_out.size() ? out.refine : out.held_out).push_back(&f);
  return out;
}

// At most kSideFrames refinement frames seen from the side (45-135 degrees), evenly spaced.
std::vector<avatar::FrameObservation> side_views(const std::vector<const test::ClipFrame*>& frames,
                                                 const PoseLandmarks& bind) {
  constexpr size_t kSideFrames = 12;
  std::vector<const test::ClipFrame*> side;
  for (const test::ClipFrame* f : frames)
    if (std::abs(avatar::relative_yaw_deg(bind, f->world)) <= 135.0f) side.push_back(f);
  std::vector<avatar::FrameObservation> out;
  const size_t step = std::max<size_t>(1, side.size() / kSideFrames);
  for (size_t i = 0; i < side.size(); i += step) out.push_back(side[i]->observation());
  return out;
}

int run(const Options& o) {
  cv::setNumThreads(2);
  const SessionOptions two_cores{Device::Cpu, 2};
  const Segmenter segmenter(test::models_dir(), two_cores);
  PoseTrackerOptions tracking;
  tracking.with_mask = true;
  PoseTracker pose(test::models_dir(), tracking, two_cores);
  const auto clip = test::testdata("video/peoplesnapshot_female-1-casual.mp4");
  std::vector<test::ClipFrame> frames = test::tracked_frames(clip, pose, o.stride);
  if (o.masks == "segmenter") test::segment_again(frames, segmenter);
  if (o.masks == "chroma") test::chroma_key_again(frames);
  const test::ClipFrame& build_frame = first_frontal(frames);
  const builder::AvatarBuild build = builder::build_avatar(build_frame.image, pose, segmenter);
  const avatar::RiggedAvatar front_only = builder::rigged(build);
  const TurnedSplit split = split_turned(frames, build.bind_world);

  auto start = Clock::now();
  const std::vector<avatar::FrameObservation> side = side_views(split.refine, build.bind_world);
  const avatar::DepthScales scales = avatar::fit_depth_scales(front_only, side);
  const avatar::Mesh deeper = avatar::scale_depth(front_only, scales);
  const double fit_ms = ms_since(start);
  start = Clock::now();
  std::vector<avatar::FrameObservation> shape_views;
  for (const test::ClipFrame* f : split.refine) shape_views.push_back(f->observation());
  shape_views.push_back(build_frame.observation());
  const avatar::Mesh fitted = avatar::fit_silhouette_shape(
      {deeper, build.skeleton, build.weights, build.bind_world}, shape_views);
  const double shape_ms = ms_since(start);
  const avatar::RiggedAvatar refined{fitted, build.skeleton, build.weights, build.bind_world};

  avatar::TexturePaint paint = avatar::start_paint(fitted.texture);
  start = Clock::now();
  for (const test::ClipFrame* f : split.refine)
    paint = avatar::refine_from_frame(refined, f->observation(), std::move(paint));
  const double paint_ms = ms_since(start) / std::max<size_t>(1, split.refine.size());
  const test::AvatarPair avatars{front_only, refined, paint.atlas};

  Bands iou_front, iou_refined, psnr_front, psnr_refined, iou_held_front, iou_held_refined;
  for (const test::ClipFrame& f : frames) {
    const float yaw = avatar::relative_yaw_deg(build.bind_world, f.world);
    const test::FrameScore s = test::score_frame(avatars, f);
    iou_front.add(yaw, s.iou_front);
    iou_refined.add(yaw, s.iou_refined);
    if (std::find(split.held_out.begin(), split.held_out.end(), &f) == split.held_out.end())
      continue;
    iou_held_front.add(yaw, s.iou_front);
    iou_held_refined.add(yaw, s.iou_refined);
    psnr_front.add(yaw, s.psnr_front);
    psnr_refined.add(yaw, s.psnr_refined);
  }

  std::printf(
      "clip %s: %zu frames kept (stride %d), build frame %d, %zu refinement frames, "
      "%zu held out\n",
      clip.filename().c_str(), frames.size(), o.stride, build_frame.index, split.refine.size(),
      split.held_out.size());
  std::printf("%-26s %9s %9s %9s %9s %9s\n", "|yaw| band (deg)", "0-45", "45-90", "90-135",
              "135-180", "all");
  std::printf("%-26s", "frames (all / held out)");
  for (int band : {0, 45, 90, 135, -1})
    std::printf(" %4d/%-4d", iou_front.count(band), psnr_front.count(band));
  std::printf("\n");
  print_row("IoU front-only", iou_front);
  print_row("IoU refined (depth, shape)", iou_refined);
  print_row("IoU held out, front-only", iou_held_front);
  print_row("IoU held out, refined", iou_held_refined);
  print_row("PSNR front-only (dB)", psnr_front);
  print_row("PSNR refined (dB)", psnr_refined);
  std::printf(
      "depth scales torso %.2f head %.2f arms %.2f legs %.2f: fit on %zu side views "
      "in %.0f ms\n",
      scales[0], scales[1], scales[2], scales[3], side.size(), fit_ms);
  std::printf("shape: fit to the silhouettes of %zu refinement frames in %.0f ms (%ld vertices)\n",
              shape_views.size(), shape_ms, static_cast<long>(fitted.V.rows()));
  std::printf("paint: %.1f ms per refinement frame (pose + camera + raster + paint, 2 threads)\n",
              paint_ms);
  if (!o.out.empty()) write_images(o.out, avatars, frames);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(parse(argc, argv));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "am_refine_measure: %s\n", e.what());
    return 1;
  }
}

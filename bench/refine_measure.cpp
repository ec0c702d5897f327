// Refinement from turned frames (docs/avatar.md): on video/peoplesnapshot_female-1-casual.mp4
// (a woman turning round in front of a fixed camera), builds the avatar from the first frontal
// frame with the real models, tracks the clip (BlazePose full with its mask), paints the atlas
// from every 2nd frame whose yaw differs >= 45 degrees from the build view and holds out the
// others, then prints per yaw band: the posed avatar's silhouette IoU against each frame's mask
// and the PSNR (inside the person) of its render with the build's atlas and with the refined
// one, and the time per refinement frame. Not a Google Benchmark (scripts/bench.sh skips it):
// `build/bench/am_refine_measure [--stride N] [--out DIR]` (DIR gets the atlases and renders).
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>

#include <opencv2/core/utility.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

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
};

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string key = argv[i];
    if (key == "--stride")
      o.stride = std::stoi(argv[i + 1]);
    else if (key == "--out")
      o.out = argv[i + 1];
    else
      throw Error("unknown option " + key + " (use --stride N, --out DIR)");
  }
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

// The two atlases and, for every 10th held-out frame, the frame beside the avatar rendered into
// it with the build's atlas and with the refined one.
void write_images(const std::filesystem::path& dir, const avatar::RiggedAvatar& avatar,
                  const cv::Mat& refined_atlas, const std::vector<const test::ClipFrame*>& frames) {
  std::filesystem::create_directories(dir);
  cv::imwrite((dir / "atlas_front.png").string(), avatar.rest.texture);
  cv::imwrite((dir / "atlas_refined.png").string(), refined_atlas);
  for (size_t i = 0; i < frames.size(); i += 10) {
    const test::ClipFrame& f = *frames[i];
    const avatar::FrameRender r = avatar::render_into_frame(avatar, f.observation());
    cv::Mat row;
    cv::hconcat(
        std::vector<cv::Mat>{
            f.image,
            avatar::render_textured(r.view.mesh, avatar.rest.texture, r.view.camera, r.raster),
            avatar::render_textured(r.view.mesh, refined_atlas, r.view.camera, r.raster)},
        row);
    cv::resize(row, row, {}, 0.5, 0.5, cv::INTER_AREA);
    cv::imwrite((dir / ("frame_" + std::to_string(f.index) + ".png")).string(), row);
  }
}

int run(const Options& o) {
  cv::setNumThreads(2);
  const SessionOptions two_cores{Device::Cpu, 2};
  const Segmenter segmenter(test::models_dir(), two_cores);
  PoseTrackerOptions tracking;
  tracking.with_mask = true;
  PoseTracker pose(test::models_dir(), tracking, two_cores);
  const auto clip = test::testdata("video/peoplesnapshot_female-1-casual.mp4");
  const std::vector<test::ClipFrame> frames = test::tracked_frames(clip, pose, o.stride);
  const test::ClipFrame& build_frame = first_frontal(frames);
  const builder::AvatarBuild build = builder::build_avatar(build_frame.image, pose, segmenter);
  const avatar::RiggedAvatar avatar = test::rigged(build);

  std::vector<const test::ClipFrame*> held_out;
  avatar::TexturePaint paint = avatar::start_paint(avatar.rest.texture);
  double refine_ms = 0;
  int refined = 0, turned = 0;
  for (const test::ClipFrame& f : frames) {
    if (std::abs(avatar::relative_yaw_deg(build.bind_world, f.world)) < kTurnedDeg) continue;
    if (turned++ % 2 == 1) {
      held_out.push_back(&f);
      continue;
    }
    const auto start = Clock::now();
    paint = avatar::refine_from_frame(avatar, f.observation(), std::move(paint));
    refine_ms += std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    ++refined;
  }

  Bands iou, psnr_front, psnr_refined;
  for (const test::ClipFrame& f : frames)
    iou.add(
        avatar::relative_yaw_deg(build.bind_world, f.world),
        avatar::silhouette_iou(avatar::render_into_frame(avatar, f.observation()).raster, f.mask));
  for (const test::ClipFrame* f : held_out) {
    const float yaw = avatar::relative_yaw_deg(build.bind_world, f->world);
    const test::FrameScore s = test::score_frame(avatar, *f, paint.atlas);
    psnr_front.add(yaw, s.psnr_front);
    psnr_refined.add(yaw, s.psnr_refined);
  }

  std::printf(
      "clip %s: %zu frames kept (stride %d), build frame %d, %d refinement frames, "
      "%zu held out\n",
      clip.filename().c_str(), frames.size(), o.stride, build_frame.index, refined,
      held_out.size());
  std::printf("%-26s %9s %9s %9s %9s %9s\n", "|yaw| band (deg)", "0-45", "45-90", "90-135",
              "135-180", "all");
  std::printf("%-26s", "frames (IoU / held out)");
  for (int band : {0, 45, 90, 135, -1})
    std::printf(" %4d/%-4d", iou.count(band), psnr_front.count(band));
  std::printf("\n");
  print_row("silhouette IoU", iou);
  print_row("PSNR front-only (dB)", psnr_front);
  print_row("PSNR refined (dB)", psnr_refined);
  std::printf("refinement: %.1f ms per frame (pose + raster + paint, 2 threads)\n",
              refined ? refine_ms / refined : 0.0);
  if (!o.out.empty()) write_images(o.out, avatar, paint.atlas, held_out);
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

// Refinement from turned frames (docs/avatar.md): on video/peoplesnapshot_female-1-casual.mp4
// (a woman turning round in front of a fixed camera), builds the avatar from the first frontal
// frame with the real models, tracks the clip (BlazePose full with its mask), takes every 2nd
// frame whose yaw differs >= 45 degrees from the build view for refinement (depth fit on up to
// 12 side views, the per-vertex shape fit to every refinement frame's silhouette and the build
// frame's, then atlas painting) and holds out the others, then prints per yaw band: the posed
// avatar's silhouette IoU against each frame's mask (all frames and held-out ones), front-only and
// refined, the PSNR (inside the person) of its render in held-out frames, and the time of the
// refinement steps. Not a Google Benchmark (scripts/bench.sh skips it):
// `build/bench/am_refine_measure [--stride N] [--out DIR]` (DIR gets the atlases, renders and the
// refined avatar, refined.glb).
#include <cstdio>
#include <filesystem>
#include <string>

#include "core/error.hpp"
#include "support/refine_report.hpp"
#include "support/testdata.hpp"

namespace {

using namespace am;

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

int run(const Options& o) {
  test::MeasureModels models;
  const Segmenter& segmenter = models.segmenter;
  PoseTracker& pose = models.pose;
  const auto clip = test::testdata("video/peoplesnapshot_female-1-casual.mp4");
  std::vector<test::ClipFrame> frames = test::tracked_frames(clip, pose, o.stride);
  if (o.masks == "segmenter") test::segment_again(frames, segmenter);
  if (o.masks == "chroma") test::chroma_key_again(frames);
  const test::ClipFrame& build_frame = test::first_frontal(frames);
  const builder::AvatarBuild build = builder::build_avatar(build_frame.image, pose, segmenter);
  const avatar::RiggedAvatar front_only = builder::rigged(build);
  const test::TurnedSplit split = test::split_turned(frames, build.bind_world);
  const test::Refinement r = test::refine_avatar(build, build_frame, split.refine);
  const test::AvatarPair avatars{front_only, r.rigged(build), r.atlas};

  std::printf(
      "clip %s: %zu frames kept (stride %d), build frame %d, %zu refinement frames, "
      "%zu held out\n",
      clip.filename().c_str(), frames.size(), o.stride, build_frame.index, split.refine.size(),
      split.held_out.size());
  test::print_band_table(frames, build.bind_world, avatars, split);
  test::print_refinement(r);
  if (!o.out.empty()) test::write_images(o.out, avatars, frames);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  return am::test::run_measure("am_refine_measure", [&] { return run(parse(argc, argv)); });
}

// The scan measure of issue 16 (docs/avatar.md, "Against a scan"): reads a turn rendered by
// bench/scan_turn/render_turn.py (frame_NNN.png, scan.obj, camera.json), tracks the frames as a
// video with the real models, builds the avatar from the first frame facing the camera and
// refines it with every other turned frame (>= 45 degrees; the rest held out), as
// am_refine_measure does on the clip. Prints the silhouette IoU / render PSNR table per yaw band,
// then the avatar's surface against the scan's, front-only and refined: point-to-surface and
// Chamfer distance (cm, after rigid ICP alignment, no scale), normal consistency, and the height
// error of the mesh, of the landmarks' estimate and of the floor camera's estimate (camera.json's
// camera height, no scale from the landmarks). Not a Google Benchmark (scripts/bench.sh skips it):
// `build/bench/am_scan_measure --frames DIR [--out DIR] [--samples N]`; bench/scan_turn/run.sh
// renders and measures every scan of ../shared/testdata/scans and the stand-in.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>
#include <opencv2/core/utility.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "avatar/body_height.hpp"
#include "core/error.hpp"
#include "support/models_dir.hpp"
#include "support/refine_report.hpp"
#include "support/surface_distance.hpp"

namespace {

using namespace am;
namespace fs = std::filesystem;

struct Options {
  fs::path frames, out;
  int samples = 20000;
  std::string masks = "pose";  // refine and judge with: pose (the model's, as live) or exact
};

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string key = argv[i];
    if (key == "--frames")
      o.frames = argv[i + 1];
    else if (key == "--out")
      o.out = argv[i + 1];
    else if (key == "--samples")
      o.samples = std::stoi(argv[i + 1]);
    else if (key == "--masks")
      o.masks = argv[i + 1];
    else
      throw Error("unknown option " + key +
                  " (use --frames DIR, --out DIR, --samples N, --masks pose|exact)");
  }
  if (o.masks != "pose" && o.masks != "exact")
    throw Error("unknown --masks " + o.masks + " (use pose or exact)");
  if (o.frames.empty())
    throw Error("no --frames DIR: render one with bench/scan_turn/render_turn.py");
  return o;
}

nlohmann::json read_camera(const fs::path& dir) {
  std::ifstream in(dir / "camera.json");
  if (!in) throw Error("no camera.json in " + dir.string() + ": render it with render_turn.py");
  return nlohmann::json::parse(in);
}

// The rendered frames (RGBA) over a plain grey backdrop, and their alpha as exact masks.
struct RenderedTurn {
  std::vector<cv::Mat> images, masks;
};

RenderedTurn read_frames(const fs::path& dir) {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().filename().string().rfind("frame_", 0) == 0) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  if (files.empty()) throw Error("no frame_NNN.png in " + dir.string());
  RenderedTurn out;
  for (const fs::path& file : files) {
    const cv::Mat rgba = cv::imread(file.string(), cv::IMREAD_UNCHANGED);
    if (rgba.empty() || rgba.channels() != 4)
      throw Error("cannot read " + file.string() + " as RGBA: render it with render_turn.py");
    cv::Mat bgr, alpha, backdrop(rgba.size(), CV_32FC3, cv::Scalar(150, 150, 150));
    cv::Mat channels[4];
    cv::split(rgba, channels);
    cv::merge(channels, 3, bgr);
    channels[3].convertTo(alpha, CV_32F, 1.0 / 255);
    cv::Mat alpha3, image;
    cv::merge(std::vector<cv::Mat>{alpha, alpha, alpha}, alpha3);
    bgr.convertTo(bgr, CV_32FC3);
    image = bgr.mul(alpha3) + backdrop.mul(cv::Scalar::all(1.0) - alpha3);
    image.convertTo(image, CV_8UC3);
    out.images.push_back(image);
    out.masks.push_back(channels[3] >= 128);
  }
  return out;
}

test::TriangleMesh triangles(const avatar::Mesh& m) { return {m.V, m.F}; }

// The mesh's surface against the scan's after rigid alignment. The start: horizontal centres
// matched, both standing on y = 0.
test::SurfaceDistance against_scan(const avatar::Mesh& mesh, const test::SurfaceSamples& scan,
                                   int samples) {
  test::SurfaceSamples ours = test::sample_surface(triangles(mesh), samples, 2);
  Eigen::Vector3f centre = Eigen::Vector3f::Zero(), scan_centre = Eigen::Vector3f::Zero();
  for (const auto& p : ours.points) centre += p / static_cast<float>(ours.points.size());
  for (const auto& p : scan.points) scan_centre += p / static_cast<float>(scan.points.size());
  Eigen::Isometry3f start = Eigen::Isometry3f::Identity();
  start.translation() =
      Eigen::Vector3f(scan_centre.x() - centre.x(), 0.0f, scan_centre.z() - centre.z());
  ours = test::transformed(ours, start);
  return test::compare_surfaces(test::transformed(ours, test::align_rigid(ours, scan)), scan);
}

// Rows of the top of the mask and of its bottom (the soles) in the frame.
std::pair<float, float> head_and_sole_rows(const cv::Mat& mask) {
  const cv::Rect box = cv::boundingRect(mask);
  return {static_cast<float>(box.y), static_cast<float>(box.y + box.height - 1)};
}

float mesh_height(const avatar::Mesh& m) { return m.V.col(1).maxCoeff() - m.V.col(1).minCoeff(); }

void print_surface_row(const char* name, const test::SurfaceDistance& d, float height,
                       float truth) {
  std::printf("%-12s %9.2f %9.2f %9.2f %9.3f %9.3f %+8.1f%%\n", name, d.p2s_cm, d.s2p_cm,
              d.chamfer_cm, d.normal_consistency, height, 100.0 * (height - truth) / truth);
}

int run(const Options& o) {
  cv::setNumThreads(2);
  const SessionOptions two_cores{Device::Cpu, 2};
  const Segmenter segmenter(test::models_dir(), two_cores);
  PoseTrackerOptions tracking;
  tracking.with_mask = true;
  PoseTracker pose(test::models_dir(), tracking, two_cores);
  const nlohmann::json camera = read_camera(o.frames);
  const RenderedTurn turn = read_frames(o.frames);
  std::vector<test::ClipFrame> frames = test::tracked_images(turn.images, pose, 10.0);
  if (o.masks == "exact")
    for (test::ClipFrame& f : frames) f.mask = turn.masks[static_cast<size_t>(f.index)];
  const test::ClipFrame& build_frame = test::first_frontal(frames);
  const builder::AvatarBuild build = builder::build_avatar(build_frame.image, pose, segmenter);
  const test::TurnedSplit split = test::split_turned(frames, build.bind_world);
  const test::Refinement r = test::refine_avatar(build, build_frame, split.refine);
  const test::AvatarPair avatars{builder::rigged(build), r.rigged(build), r.atlas};

  std::printf("turn %s: %zu frames with a person, build frame %d, %zu refinement, %zu held out\n",
              o.frames.c_str(), frames.size(), build_frame.index, split.refine.size(),
              split.held_out.size());
  test::print_band_table(frames, build.bind_world, avatars, split);
  test::print_refinement(r);

  const test::SurfaceSamples scan =
      test::sample_surface(test::read_obj(o.frames / "scan.obj"), o.samples, 1);
  const auto truth = camera.at("scan_height_m").get<float>();
  std::printf("%-12s %9s %9s %9s %9s %9s %9s\n", "surface", "P2S cm", "S2P cm", "Chamfer", "NC",
              "height m", "error");
  print_surface_row("front-only", against_scan(build.reconstruction.mesh, scan, o.samples),
                    mesh_height(build.reconstruction.mesh), truth);
  print_surface_row("refined", against_scan(r.mesh, scan, o.samples), mesh_height(r.mesh), truth);

  const avatar::FloorCamera floor{camera.at("camera_height_m").get<float>(),
                                  camera.at("fy").get<float>(), camera.at("cy").get<float>(),
                                  camera.at("pitch_deg").get<float>()};
  const auto [head, sole] = head_and_sole_rows(build_frame.mask);
  const float landmarks = avatar::estimate_height_m(build.bind_world);
  const float seen = avatar::stature_from_floor_camera(head, sole, floor).value_or(NAN);
  std::printf("stature: scan %.3f m; landmarks %.3f m (%+.1f%%); floor camera %.3f m (%+.1f%%)\n",
              truth, landmarks, 100.0 * (landmarks - truth) / truth, seen,
              100.0 * (seen - truth) / truth);
  if (!o.out.empty()) test::write_images(o.out, avatars, frames, 3);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(parse(argc, argv));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "am_scan_measure: %s\n", e.what());
    return 1;
  }
}

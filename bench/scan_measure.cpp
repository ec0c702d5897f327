// The scan measure of issue 16 (docs/avatar.md, "Against a scan"): reads a turn rendered by
// bench/scan_turn/render_turn.py (frame_NNN.png, scan.obj, camera.json), tracks the frames as a
// video with the real models, builds the avatar from the first frame facing the camera and
// refines it with every other turned frame (>= 45 degrees; the rest held out), as
// am_refine_measure does on the clip. Prints the silhouette IoU / render PSNR table per yaw band,
// then the avatar's surface against the scan's, front-only and refined: point-to-surface and
// Chamfer distance (cm, after rigid ICP alignment, no scale), normal consistency, and the height
// error of the mesh, of the landmarks' estimate and of the floor camera's (camera.json's camera
// height; the build is scaled to it unless --floor-camera off). Not a Google Benchmark
// (scripts/bench.sh skips it): `build/bench/am_scan_measure --frames DIR [--out DIR] [--samples N]
// [--masks pose|exact] [--floor-camera on|off]`; bench/scan_turn/run.sh renders and measures every
// scan of ../shared/testdata/scans and the stand-ins.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <string>

#include <opencv2/imgproc.hpp>

#include "builder/floor_stature.hpp"
#include "core/error.hpp"
#include "support/refine_report.hpp"
#include "support/rendered_turn.hpp"
#include "support/surface_distance.hpp"

namespace {

using namespace am;
namespace fs = std::filesystem;

struct Options {
  fs::path frames, out;
  int samples = 20000;
  std::string masks = "pose";  // refine and judge with: pose (the model's, as live) or exact
  bool floor = true;           // build with the floor camera (camera.json) as camera.mount_height_m
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
    else if (key == "--floor-camera")
      o.floor = std::string(argv[i + 1]) != "off";
    else
      throw Error("unknown option " + key +
                  " (use --frames DIR, --out DIR, --samples N, --masks pose|exact, "
                  "--floor-camera on|off)");
  }
  if (o.masks != "pose" && o.masks != "exact")
    throw Error("unknown --masks " + o.masks + " (use pose or exact)");
  if (o.frames.empty())
    throw Error("no --frames DIR: render one with bench/scan_turn/render_turn.py");
  return o;
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

float mesh_height(const avatar::Mesh& m) { return m.V.col(1).maxCoeff() - m.V.col(1).minCoeff(); }

// Forward lean in degrees: the head's centre (top 10 % of the height) ahead of the soles' (bottom
// 6 %) along +Z, over their height difference; 0 for a person standing straight.
double lean_deg(const Eigen::MatrixXf& V) {
  const float low = V.col(1).minCoeff(), tall = V.col(1).maxCoeff() - low;
  double head_z = 0, head_n = 0, feet_z = 0, feet_n = 0;
  for (Eigen::Index i = 0; i < V.rows(); ++i) {
    const float h = (V(i, 1) - low) / tall;
    if (h >= 0.9f) head_z += V(i, 2), head_n += 1;
    if (h <= 0.06f) feet_z += V(i, 2), feet_n += 1;
  }
  return std::atan2(head_z / head_n - feet_z / feet_n, 0.92 * tall) * 180.0 / M_PI;
}

void print_surface_row(const char* name, const test::SurfaceDistance& d, const avatar::Mesh& m,
                       float truth) {
  const float height = mesh_height(m);
  std::printf("%-12s %9.2f %9.2f %9.2f %9.3f %9.3f %+8.1f%% %9.1f\n", name, d.p2s_cm, d.s2p_cm,
              d.chamfer_cm, d.normal_consistency, height, 100.0 * (height - truth) / truth,
              lean_deg(m.V));
}

int run(const Options& o) {
  test::MeasureModels models;
  const Segmenter& segmenter = models.segmenter;
  PoseTracker& pose = models.pose;
  const test::RenderedTurn turn = test::read_rendered_turn(o.frames);
  builder::BuildOptions build_options;
  if (o.floor) build_options.floor_camera = turn.camera;
  std::vector<test::ClipFrame> frames = test::tracked_images(turn.images, pose, 10.0);
  if (o.masks == "exact")
    for (test::ClipFrame& f : frames) f.mask = turn.masks[static_cast<size_t>(f.index)];
  const test::ClipFrame& build_frame = test::first_frontal(frames);
  const builder::AvatarBuild build =
      builder::build_avatar(build_frame.image, pose, segmenter, build_options);
  const test::TurnedSplit split = test::split_turned(frames, build.bind_world);
  const test::Refinement r = test::refine_avatar(build, build_frame, split.refine);
  const test::AvatarPair avatars{builder::rigged(build), r.rigged(build), r.atlas};

  std::printf(
      "turn %s: %zu frames with a person, build frame %d, %zu refinement, %zu held out; "
      "floor camera %s\n",
      o.frames.c_str(), frames.size(), build_frame.index, split.refine.size(),
      split.held_out.size(), o.floor ? "on" : "off");
  test::print_band_table(frames, build.bind_world, avatars, split);
  test::print_refinement(r);

  const test::TriangleMesh scan_mesh = test::read_obj(o.frames / "scan.obj");
  const test::SurfaceSamples scan = test::sample_surface(scan_mesh, o.samples, 1);
  const float truth = turn.scan_height_m;
  std::printf("%-12s %9s %9s %9s %9s %9s %9s %9s\n", "surface", "P2S cm", "S2P cm", "Chamfer", "NC",
              "height m", "error", "lean deg");
  print_surface_row("front-only", against_scan(build.reconstruction.mesh, scan, o.samples),
                    build.reconstruction.mesh, truth);
  print_surface_row("refined", against_scan(r.mesh, scan, o.samples), r.mesh, truth);
  std::printf("the scan leans %.1f degrees\n", lean_deg(scan_mesh.V));

  const float landmarks = static_cast<float>(build.report.landmark_height_m);
  const float seen = builder::floor_camera_stature(
                         build.view, {build.report.crop, build.report.crop_scale}, turn.camera)
                         .stature_m.value_or(NAN);
  std::printf("stature: scan %.3f m; landmarks %.3f m (%+.1f%%); floor camera %.3f m (%+.1f%%)\n",
              truth, landmarks, 100.0 * (landmarks - truth) / truth, seen,
              100.0 * (seen - truth) / truth);
  if (!o.out.empty()) test::write_images(o.out, avatars, frames, 3);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  return am::test::run_measure("am_scan_measure", [&] { return run(parse(argc, argv)); });
}

#include "app/cli.hpp"

#include <iostream>
#include <optional>

#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include "app/cmd_avatar.hpp"
#include "app/commands.hpp"
#include "core/error.hpp"
#include "core/logging.hpp"
#include "core/paths.hpp"
#include "pipeline/pipeline_settings.hpp"

namespace am {
namespace {

struct GlobalOptions {
  std::string config_file;
  std::string log_level;
  std::string device;
  std::string swap_source;  // run/avatar --swap-face FACE: face_swap.enabled with this photo
};

Config load_effective_config(const GlobalOptions& opts) {
  ConfigSources sources;
  if (!opts.config_file.empty()) sources.user_file = opts.config_file;
  Config cfg = load_config(sources);
  if (!opts.log_level.empty()) cfg.set("logging.level", opts.log_level, "command line");
  if (!opts.device.empty()) cfg.set("processing.device", opts.device, "command line");
  if (!opts.swap_source.empty()) {
    cfg.set("face_swap.enabled", true, "command line");
    cfg.set("face_swap.source_image", opts.swap_source, "command line");
  }
  return cfg;
}

void start_logging(const Config& cfg) { init_logging(log_settings(cfg)); }

}  // namespace

int run_cli(int argc, char** argv) {
  CLI::App app{"Avatar Mirror: people in front of a camera become rigged avatars in Godot"};
  app.set_version_flag("--version", std::string(AM_VERSION));
  app.require_subcommand(1);
  GlobalOptions global;
  app.add_option("--config", global.config_file, "config file (default: ./config.json if present)");
  app.add_option("--log-level", global.log_level, "trace|debug|info|warn|error|off");

  app.add_option("--device", global.device, "where models run: auto|cpu|cuda");

  auto* config_cmd =
      app.add_subcommand("config", "print the effective config and where each value came from");
  auto* info_cmd = app.add_subcommand("info", "versions, execution providers, cameras, models");
  RunOptions run;
  auto* run_cmd = app.add_subcommand("run", "run the mirror on a camera, video, folder or stream");
  run_cmd->add_option("--source", run.source, "camera:N | /dev/videoN | FILE | DIR | URL");
  run_cmd->add_option("--max-frames", run.max_frames, "stop after N frames");
  run_cmd->add_flag("--loop", run.loop, "start a finished video over (soak runs)");
  run_cmd->add_option("--record", run.record, "write the mirror view (face swap, skeleton) here");
  run_cmd->add_flag("--preview", run.preview, "show the mirror view in a window");
  WorkerCommand worker;
  auto* worker_cmd = app.add_subcommand(
      "worker", "build avatars for mirrors with builder.mode redis (jobs from cache.redis_url)");
  worker_cmd->add_option("--name", worker.name, "consumer name in the queue (default: host-pid)");
  worker_cmd->add_option("--max-jobs", worker.max_jobs, "exit after handling N jobs");
  ModelsOptions models;
  auto* models_cmd = app.add_subcommand("models", "fetch, list, verify or convert the models");
  models_cmd->require_subcommand(1);
  for (const char* action : {"fetch", "list", "verify"})
    models_cmd->add_subcommand(action)->callback([&models, action] { models.action = action; });
  auto* convert_cmd = models_cmd->add_subcommand("convert", "convert IN.tflite to OUT.onnx");
  convert_cmd->callback([&models] { models.action = "convert"; });
  convert_cmd->add_option("input", models.input, "the .tflite model")->required();
  convert_cmd->add_option("output", models.output, "the .onnx file to write")->required();
  BatchOptions faces;
  auto* faces_cmd = app.add_subcommand("faces", "detect faces in an image, folder or video");
  faces_cmd->add_option("input", faces.input, "image, folder, video or camera")->required();
  faces_cmd->add_option("--json", faces.json_out, "write the faces as JSON here");
  faces_cmd->add_option("--draw", faces.draw_out, "write annotated image(s) or video here");
  SegmentCommand segment;
  auto* segment_cmd = app.add_subcommand("segment", "cut the person out of a photo");
  segment_cmd->add_option("image", segment.image, "the photo")->required();
  segment_cmd->add_option("--out", segment.mask_out, "the mask to write (.png)")->required();
  segment_cmd->add_option("--cutout", segment.cutout_out, "also write an RGBA cut-out (.png)");
  BatchOptions pose;
  auto* pose_cmd =
      app.add_subcommand("pose", "body landmarks (33 + world) in an image, folder or video");
  pose_cmd->add_option("input", pose.input, "image, folder, video or camera")->required();
  pose_cmd->add_option("--json", pose.json_out, "write the poses as JSON here");
  pose_cmd->add_option("--draw", pose.draw_out, "write annotated image(s) or video here");
  pose_cmd->add_option("--max-persons", pose.max_persons, "people tracked at once");
  SwapFaceCommand swap;
  auto* swap_cmd =
      app.add_subcommand("swap-face", "put the faces of photos onto an image or video");
  swap_cmd->add_option("--source", swap.source, "photo with the face to put on every face");
  swap_cmd->add_option("--face-map", swap.face_map,
                       "a photo per face id: 0=a.jpg,1=b.jpg,*=for-the-rest.jpg");
  swap_cmd->add_option("--target", swap.target, "image, folder or video")->required();
  swap_cmd->add_option("--out", swap.out, "image or video to write")->required();
  swap_cmd->add_option("--draw", swap.draw_out, "write before/after pictures here");
  AvatarCommand avatar;
  auto* avatar_cmd = app.add_subcommand("avatar", "build a rigged, textured avatar from a photo");
  avatar_cmd->add_option("image", avatar.image, "photo of one person")->required();
  avatar_cmd->add_option("--out", avatar.glb_out, "the .glb to write")->required();
  avatar_cmd->add_option("--report", avatar.report_out, "write timings and checks as JSON here");
  avatar_cmd->add_option("--obj", avatar.obj_out, "also write OBJ + MTL + PNG here");
  for (auto* sub : {run_cmd, avatar_cmd})
    sub->add_option("--swap-face", global.swap_source,
                    "swap in the face of this photo (sets face_swap.enabled, .source_image)");
  for (auto* sub : {config_cmd, info_cmd, run_cmd, worker_cmd, models_cmd, faces_cmd, segment_cmd,
                    pose_cmd, swap_cmd, avatar_cmd}) {
    sub->add_option("--config", global.config_file, "config file");
    sub->add_option("--device", global.device, "where models run: auto|cpu|cuda");
    sub->add_option("--log-level", global.log_level, "trace|debug|info|warn|error|off");
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  try {
    const Config cfg = load_effective_config(global);
    start_logging(cfg);
    if (*config_cmd) return cmd_config(cfg);
    if (*info_cmd) return cmd_info(cfg);
    if (*run_cmd) return cmd_run(cfg, run);
    if (*worker_cmd) return cmd_worker(cfg, worker);
    if (*models_cmd) return cmd_models(cfg, models);
    if (*faces_cmd) return cmd_faces(cfg, faces);
    if (*segment_cmd) return cmd_segment(cfg, segment);
    if (*pose_cmd) return cmd_pose(cfg, pose);
    if (*swap_cmd) return cmd_swap_face(cfg, swap);
    if (*avatar_cmd) return cmd_avatar(cfg, avatar);
  } catch (const Error& e) {
    std::cerr << "avatar-mirror: " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "avatar-mirror: unexpected error: " << e.what() << "\n";
    return 3;
  }
  return 0;
}

}  // namespace am

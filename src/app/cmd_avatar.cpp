#include "app/cmd_avatar.hpp"

#include <fstream>

#include <spdlog/spdlog.h>
#include <opencv2/imgcodecs.hpp>

#include "builder/builder.hpp"
#include "builder/floor_stature.hpp"
#include "core/error.hpp"
#include "models/registry.hpp"
#include "pipeline/pipeline_settings.hpp"

namespace am {
namespace {

cv::Mat read_photo(const std::string& path) {
  cv::Mat image = cv::imread(path, cv::IMREAD_COLOR);
  if (image.empty())
    throw SourceError("cannot read image " + path +
                      ": check the path and that it is a PNG or JPEG that is not damaged");
  return image;
}

void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw Error("cannot write " + path + ": use a path in a writable folder");
}

}  // namespace

int cmd_avatar(const Config& cfg, const AvatarCommand& opts) {
  cv::Mat photo = read_photo(opts.image);
  AvatarFaces faces = avatar_faces_from(cfg, models_dir(cfg));
  if (!faces.photo(kUnlistedFace).empty()) {
    SwapStats stats;
    photo = faces.swapped(photo, kUnlistedFace, &stats);
    if (stats.faces.empty())
      spdlog::warn("face swap: no face found in {}; the avatar keeps its own face", opts.image);
    else
      spdlog::info("face swap: {} face(s) in {} replaced", stats.faces.size(), opts.image);
  } else if (cfg.get_bool("face_swap.enabled")) {
    spdlog::warn(
        "face swap: no photo for everyone (face_swap.source_image or *=PHOTO in "
        "face_swap.face_map); the avatar keeps its own face");
  }
  const Segmenter segmenter(models_dir(cfg), session_options(cfg));
  PoseTracker pose(models_dir(cfg), pose_options(cfg), session_options(cfg));
  const std::unique_ptr<FaceMesh> face_mesh = face_mesh_from(cfg, models_dir(cfg));
  builder::BuildOptions options;
  options.obj_out = opts.obj_out;
  options.face_mesh = face_mesh.get();
  options.floor_camera =
      builder::floor_camera_for(builder::floor_camera_settings(cfg), photo.size());
  const builder::AvatarBuild b = builder::build_avatar(photo, pose, segmenter, options);
  write_file(opts.glb_out, std::string(b.glb.begin(), b.glb.end()));
  if (!opts.report_out.empty())
    write_file(opts.report_out, builder::report_to_json(b.report).dump(2) + "\n");
  if (!b.report.floor_note.empty())
    spdlog::warn(
        "camera.mount_height_m: no stature from the floor camera ({}); the avatar keeps "
        "the pose model's average scale",
        b.report.floor_note);
  spdlog::info(
      "avatar of {}: {} vertices, {:.2f} m tall ({:.2f} m from the landmarks, {}), silhouette IoU "
      "{:.3f}, {:.0f} ms; written to {}",
      opts.image, b.report.vertices, b.report.height_m, b.report.landmark_height_m,
      b.report.floor_stature_m > 0
          ? fmt::format("{:.2f} m by the floor camera", b.report.floor_stature_m)
          : std::string("no floor camera"),
      b.report.silhouette_iou, b.report.timings.total_ms(), opts.glb_out);
  return 0;
}

}  // namespace am

// What one avatar build measured: wall time of each stage, the mesh's size, how well the mesh
// reproduces the person's silhouette, and the person's estimated height. report_to_json() gives
// the `avatar --report` file: {"timings_ms": {"segment", "pose", "reconstruct", "skeleton",
// "weights", "export", "total"}, "vertices", "faces", "bones", "glb_bytes", "silhouette_iou",
// "height_m", "landmark_height_m", "floor_stature_m", "floor_note", "face_mesh_found",
// "crop": [x, y, width, height], "crop_scale"}.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include <opencv2/core/types.hpp>

namespace am::builder {

struct StageTimings {
  double segment_ms = 0;  // person crop + segmentation
  double pose_ms = 0;     // 0 when the caller gave the pose
  double reconstruct_ms = 0;
  double skeleton_ms = 0;
  double weights_ms = 0;
  double export_ms = 0;  // .glb encoding (+ the OBJ files when asked)
  double total_ms() const {
    return segment_ms + pose_ms + reconstruct_ms + skeleton_ms + weights_ms + export_ms;
  }
};

struct BuildReport {
  StageTimings timings;
  long vertices = 0;
  long faces = 0;
  int bones = 0;
  long glb_bytes = 0;
  double silhouette_iou = 0;  // mesh rendered into the working view vs the mask it was built from
  double height_m = 0;        // top of the mesh above its feet (y = 0), metres
  double landmark_height_m = 0;  // standing height from the world landmarks (body_height.hpp)
  double floor_stature_m = 0;    // the floor camera's stature the avatar was scaled to (0: none)
  std::string floor_note;        // why the floor camera gave none (empty when it did or was unset)
  bool face_mesh_found = false;  // the back of the head used the face mesh's oval
  cv::Rect crop;                 // the photo region the person was built from
  double crop_scale = 1.0;       // working pixels per photo pixel
};

nlohmann::json report_to_json(const BuildReport& report);

}  // namespace am::builder

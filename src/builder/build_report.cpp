#include "builder/build_report.hpp"

namespace am::builder {

nlohmann::json report_to_json(const BuildReport& r) {
  const StageTimings& t = r.timings;
  return {{"timings_ms",
           {{"segment", t.segment_ms},
            {"pose", t.pose_ms},
            {"reconstruct", t.reconstruct_ms},
            {"skeleton", t.skeleton_ms},
            {"weights", t.weights_ms},
            {"export", t.export_ms},
            {"total", t.total_ms()}}},
          {"vertices", r.vertices},
          {"faces", r.faces},
          {"bones", r.bones},
          {"glb_bytes", r.glb_bytes},
          {"silhouette_iou", r.silhouette_iou},
          {"height_m", r.height_m},
          {"landmark_height_m", r.landmark_height_m},
          {"floor_stature_m", r.floor_stature_m},
          {"floor_note", r.floor_note},
          {"face_mesh_found", r.face_mesh_found},
          {"crop", {r.crop.x, r.crop.y, r.crop.width, r.crop.height}},
          {"crop_scale", r.crop_scale}};
}

}  // namespace am::builder

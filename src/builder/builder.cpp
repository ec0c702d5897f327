#include "builder/builder.hpp"

#include <algorithm>
#include <chrono>

#include "avatar/body_height.hpp"
#include "avatar/gltf_writer.hpp"
#include "avatar/image_aligned_pose.hpp"
#include "avatar/obj_writer.hpp"
#include "avatar/silhouette_visibility.hpp"
#include "avatar/skeleton.hpp"
#include "builder/face_outline.hpp"
#include "builder/floor_stature.hpp"
#include "builder/silhouette_check.hpp"
#include "core/error.hpp"

namespace am::builder {
namespace {

// Runs fn and adds its wall time to ms.
template <typename Fn>
auto timed(double& ms, Fn&& fn) {
  const auto start = std::chrono::steady_clock::now();
  struct AddElapsed {
    double& ms;
    std::chrono::steady_clock::time_point start;
    ~AddElapsed() {
      ms += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count();
    }
  } add{ms, start};
  return fn();
}

void check_photo(const cv::Mat& bgr) {
  if (bgr.empty() || bgr.type() != CV_8UC3)
    throw Error("avatar: the photo must be a non-empty 8-bit BGR image; check the image file");
}

avatar::PersonView cut_out_person(const cv::Mat& bgr, const PoseObservation& person,
                                  const Segmenter& segmenter, const BuildOptions& options,
                                  BuildReport& report) {
  const PersonCrop crop = choose_person_crop(bgr.size(), landmark_box(person), options.crop);
  report.crop = crop.region;
  report.crop_scale = crop.scale;
  avatar::PersonView view;
  view.image = crop_image(bgr, crop);
  view.mask = segmenter.segment(view.image, options.segment).mask;
  view.landmarks = crop_landmarks(person, crop);
  view.world = person.world_landmarks;
  if (options.face_mesh)
    view.face_outline = find_face_outline(*options.face_mesh, view.image, view.landmarks);
  report.face_mesh_found = !view.face_outline.empty();
  return view;
}

// With a floor camera: the world landmarks scaled so the avatar is as tall as the camera sees.
void scale_to_floor_stature(avatar::PersonView& view, const avatar::FloorCamera& camera,
                            BuildReport& report) {
  const FloorStature seen = floor_camera_stature(view, {report.crop, report.crop_scale}, camera);
  report.floor_note = seen.why_not;
  if (!seen.stature_m) return;
  view.world = scale_world(view.world, seen.world_scale);
  report.floor_stature_m = *seen.stature_m;
}

void fill_mesh_stats(const AvatarBuild& b, BuildReport& report) {
  const avatar::Mesh& mesh = b.reconstruction.mesh;
  report.vertices = static_cast<long>(mesh.V.rows());
  report.faces = static_cast<long>(mesh.F.rows());
  report.bones = kBoneCount;
  report.glb_bytes = static_cast<long>(b.glb.size());
  report.height_m = mesh.V.col(1).maxCoeff() - mesh.V.col(1).minCoeff();
  report.silhouette_iou =
      silhouette_iou(mesh, b.reconstruction.frame, b.reconstruction.binary_mask);
}

const PoseObservation& largest_person(const std::vector<PoseObservation>& people) {
  if (people.empty())
    throw Error("avatar: no person found in the photo; use a photo showing one whole person");
  return *std::max_element(people.begin(), people.end(), [](const auto& a, const auto& b) {
    return landmark_box(a).area() < landmark_box(b).area();
  });
}

}  // namespace

AvatarBuild build_avatar(const cv::Mat& bgr, const PoseObservation& person,
                         const Segmenter& segmenter, const BuildOptions& options) {
  check_photo(bgr);
  AvatarBuild b;
  StageTimings& t = b.report.timings;
  b.view = timed(t.segment_ms,
                 [&] { return cut_out_person(bgr, person, segmenter, options, b.report); });
  b.report.landmark_height_m = avatar::estimate_height_m(b.view.world);  // the model's scale
  if (options.floor_camera) scale_to_floor_stature(b.view, *options.floor_camera, b.report);
  b.bind_world = avatar::align_world_to_image(b.view.landmarks, b.view.world);
  b.reconstruction =
      timed(t.reconstruct_ms, [&] { return avatar::reconstruct(b.view, options.reconstruct); });
  const avatar::Reconstruction& rec = b.reconstruction;
  b.skeleton =
      timed(t.skeleton_ms, [&] { return avatar::build_skeleton(b.bind_world, rec.frame); });
  b.weights = timed(t.weights_ms, [&] {
    avatar::SkinWeightOptions weight_options = options.weights;
    weight_options.visible = avatar::silhouette_visibility(rec.separated_mask, rec.frame);
    return avatar::compute_skin_weights(rec.mesh, b.skeleton, weight_options);
  });
  b.glb = timed(t.export_ms, [&] {
    if (!options.obj_out.empty()) avatar::write_obj(options.obj_out, rec.mesh);
    return avatar::encode_glb(rec.mesh, b.skeleton, b.weights);
  });
  fill_mesh_stats(b, b.report);
  return b;
}

AvatarBuild build_avatar(const cv::Mat& bgr, PoseTracker& pose, const Segmenter& segmenter,
                         const BuildOptions& options) {
  check_photo(bgr);
  double pose_ms = 0;
  const std::vector<PoseObservation> people =
      timed(pose_ms, [&] { return pose.process(bgr, 0.0, false); });
  AvatarBuild b = build_avatar(bgr, largest_person(people), segmenter, options);
  b.report.timings.pose_ms = pose_ms;
  return b;
}

avatar::RiggedAvatar rigged(const AvatarBuild& build) {
  return {build.reconstruction.mesh, build.skeleton, build.weights, build.bind_world};
}

avatar::FrameObservation photo_observation(const AvatarBuild& build) {
  return {build.view.image, build.view.mask, build.view.landmarks, build.view.world};
}

}  // namespace am::builder

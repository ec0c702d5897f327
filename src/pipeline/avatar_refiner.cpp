#include "pipeline/avatar_refiner.hpp"

#include <cmath>

#include "avatar/gltf_writer.hpp"
#include "avatar/view_pose.hpp"
#include "avatar/view_refine.hpp"
#include "core/clock.hpp"
#include "jobs/avatar_files.hpp"

namespace am {
namespace {

constexpr double kSectorDeg = 30;

// The frame's person mask as 8-bit (>= 128 = person), from the pose model's probability map.
cv::Mat person_mask(const PoseObservation& person) {
  cv::Mat mask;
  person.mask->convertTo(mask, CV_8U, 255.0);
  return mask;
}

std::string glb_bytes(const builder::AvatarBuild& build, avatar::Mesh mesh, const cv::Mat& atlas) {
  mesh.texture = atlas;
  const std::vector<uint8_t> glb = avatar::encode_glb(mesh, build.skeleton, build.weights);
  return {reinterpret_cast<const char*>(glb.data()), glb.size()};
}

}  // namespace

void AvatarRefiner::keep(int id, std::shared_ptr<const builder::AvatarBuild> build) {
  if (!options_.enabled) return;
  std::lock_guard lock(mutex_);
  State& state = states_[id];
  state = State{};
  state.paint = avatar::start_paint(build->reconstruction.mesh.texture);
  state.build = std::move(build);
}

void AvatarRefiner::forget(int id) {
  std::lock_guard lock(mutex_);
  states_.erase(id);
}

bool AvatarRefiner::wants(int id, const PoseObservation& person, double now_ms) {
  if (!person.mask) return false;
  std::lock_guard lock(mutex_);
  auto it = states_.find(id);
  if (it == states_.end()) return false;
  State& state = it->second;
  if (state.busy || now_ms - state.last_ms < options_.min_interval_ms) return false;
  const double yaw = avatar::relative_yaw_deg(state.build->bind_world, person.world_landmarks);
  if (std::abs(yaw) < options_.min_yaw_deg) return false;
  if (!state.sectors.insert(std::lround(yaw / kSectorDeg)).second) return false;
  state.busy = true;
  state.last_ms = now_ms;
  return true;
}

void AvatarRefiner::release(int id) {
  std::lock_guard lock(mutex_);
  if (auto it = states_.find(id); it != states_.end()) it->second.busy = false;
}

std::optional<ReadyAvatar> AvatarRefiner::refine(const RefineJob& job, const BuildTools& tools) {
  std::shared_ptr<const builder::AvatarBuild> build;
  avatar::TexturePaint paint;
  std::vector<avatar::ShapeFrame> frames;
  {
    std::lock_guard lock(mutex_);
    auto it = states_.find(job.person_id);
    if (it == states_.end()) return std::nullopt;
    build = it->second.build;
    paint = it->second.paint;  // paint_from_view works on its own copy
    frames = it->second.frames;
  }
  avatar::Mesh mesh;
  try {
    const avatar::RiggedAvatar built = builder::rigged(*build);
    // The build photo is the shape fit's first frame: it keeps the front view's outline in place.
    if (frames.empty())
      frames.push_back(avatar::shape_frame(built, builder::photo_observation(*build)));
    const cv::Mat mask = person_mask(job.person);
    const avatar::FrameObservation frame{job.image, mask, job.person.landmarks,
                                         job.person.world_landmarks};
    frames.push_back(avatar::shape_frame(built, frame));
    mesh = avatar::fit_silhouette_shape(built, frames);
    const avatar::RiggedAvatar rig{mesh, build->skeleton, build->weights, build->bind_world};
    const avatar::ShapeFrame& seen = frames.back();  // its pose is fitted already: reuse it
    const avatar::PosedView view =
        avatar::pose_with(rig, seen.pose, seen.landmarks, seen.world, seen.person);
    paint = avatar::paint_from_view(view.mesh, view.camera, job.image, mask, std::move(paint));
  } catch (...) {
    release(job.person_id);
    throw;
  }
  const Landmarks bind = landmark_points(build->bind_world);
  const std::string glb = glb_bytes(*build, std::move(mesh), paint.atlas);
  const auto path = write_avatar_file(tools.avatar_dir, job.person_id, glb);
  // The camera frames show the visitor's own face, and refinement is off with face swapping
  // (refine_options_from): a refined avatar wears their own face, face tag "".
  tools.cache.put_avatar({std::to_string(job.person_id), glb,
                          avatar_metadata(bind, builder::report_to_json(build->report), ""),
                          unix_now_ms()});
  std::lock_guard lock(mutex_);
  auto it = states_.find(job.person_id);
  if (it == states_.end()) return std::nullopt;
  it->second.paint = std::move(paint);
  it->second.frames = std::move(frames);
  it->second.busy = false;
  return ReadyAvatar{job.person_id,          path,    bind,
                     build->report.vertices, nullptr, ++it->second.version};
}

}  // namespace am

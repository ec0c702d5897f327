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

std::string glb_bytes(const builder::AvatarBuild& build, const cv::Mat& atlas) {
  avatar::Mesh mesh = build.reconstruction.mesh;
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
  {
    std::lock_guard lock(mutex_);
    auto it = states_.find(job.person_id);
    if (it == states_.end()) return std::nullopt;
    build = it->second.build;
    paint = it->second.paint;  // paint_from_view works on its own copy
  }
  try {
    const cv::Mat mask = person_mask(job.person);
    const avatar::RiggedAvatar rig{build->reconstruction.mesh, build->skeleton, build->weights,
                                   build->bind_world};
    paint = avatar::refine_from_frame(
        rig, {job.image, mask, job.person.landmarks, job.person.world_landmarks}, std::move(paint));
  } catch (...) {
    release(job.person_id);
    throw;
  }
  const Landmarks bind = landmark_points(build->bind_world);
  const std::string glb = glb_bytes(*build, paint.atlas);
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
  it->second.busy = false;
  return ReadyAvatar{job.person_id,          path,    bind,
                     build->report.vertices, nullptr, ++it->second.version};
}

}  // namespace am

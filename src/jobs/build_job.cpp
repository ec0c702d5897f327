#include "jobs/build_job.hpp"

#include "builder/builder.hpp"
#include "core/clock.hpp"
#include "jobs/avatar_files.hpp"

namespace am {

ReadyAvatar run_build_job(const BuildJob& job, const BuildTools& tools) {
  builder::BuildOptions options;
  options.face_mesh = tools.face_mesh;
  options.floor_camera = job.floor_camera;
  auto build = std::make_shared<const builder::AvatarBuild>(
      builder::build_avatar(job.image, job.person, tools.segmenter, options));
  const Landmarks bind = landmark_points(build->bind_world);
  const std::string glb(reinterpret_cast<const char*>(build->glb.data()), build->glb.size());
  const auto path = write_avatar_file(tools.avatar_dir, job.person_id, glb);
  tools.cache.put_avatar(
      {std::to_string(job.person_id), glb,
       avatar_metadata(bind, builder::report_to_json(build->report), job.face_tag), unix_now_ms()});
  return {job.person_id, path, bind, build->report.vertices, build};
}

}  // namespace am

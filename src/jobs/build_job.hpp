// One avatar build, start to finish, as a free function a mirror's avatar workers and the
// `avatar-mirror worker`s run: the frame (already wearing the face the job's face tag names:
// AvatarFaces::dressed) and the person's pose in it -> the rigged .glb, written to the avatar
// folder clients download from and stored in the cache with its bind pose and face tag. Throws
// am::Error (one actionable line) when the person cannot be built; nothing is written or cached
// then.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include <opencv2/core/mat.hpp>

#include "body/bind_pose.hpp"
#include "builder/builder.hpp"
#include "cache/cache.hpp"
#include "perception/face/face_mesh.hpp"
#include "perception/pose/pose_types.hpp"
#include "perception/segmentation/segmenter.hpp"

namespace am {

struct BuildJob {
  int person_id = 0;
  cv::Mat image;           // the frame the person passed the quality gate in (8-bit BGR)
  PoseObservation person;  // their pose in it
  std::string face_tag;    // the face the image wears (avatar_face_tag; "": the person's own)
  std::optional<avatar::FloorCamera> floor_camera;  // the image's, when its mount is known
};

// What a build needs besides the job; shared by all jobs.
struct BuildTools {
  const Segmenter& segmenter;
  Cache& cache;
  std::filesystem::path avatar_dir;
  const FaceMesh* face_mesh = nullptr;  // the hairline of the avatar's back; may be shared
};

// A stored avatar ready to announce: the file clients load and the bind pose it was built in.
struct ReadyAvatar {
  int person_id = 0;
  std::filesystem::path glb_path;
  Landmarks bind_world{};
  long vertices = 0;                                  // 0 when it came from the cache
  std::shared_ptr<const builder::AvatarBuild> build;  // what was built (run_build_job); else null
  int version = 1;                                    // > 1: a refinement (avatar_updated)
};

ReadyAvatar run_build_job(const BuildJob& job, const BuildTools& tools);

}  // namespace am

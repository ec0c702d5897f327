// The avatar side of `run`: who gets an avatar (the quality gate, one build at a time per person,
// a pause before retrying a failed one), the build jobs on worker threads (with face swapping,
// the photo the face map gives the person swapped in, AvatarFaces; then run_build_job here or on
// the build workers), the cache (known visitors, their avatars, clean-up) and the queue of finished
// avatars. The live path talks to it in plain structs and never waits: consider() and returned()
// only queue work, take_ready() only drains what is done. All calls but the workers' come from the
// live path.
#pragma once

#include <filesystem>
#include <memory>
#include <set>
#include <vector>

#include "builder/floor_stature.hpp"
#include "cache/cache.hpp"
#include "core/config.hpp"
#include "core/frame.hpp"
#include "core/inbox.hpp"
#include "jobs/avatar_faces.hpp"
#include "jobs/build_job.hpp"
#include "pipeline/avatar_refiner.hpp"
#include "pipeline/avatar_states.hpp"
#include "pipeline/metrics.hpp"
#include "pipeline/remote_builds.hpp"
#include "pipeline/worker_pool.hpp"
#include "tracking/body_appearance.hpp"
#include "tracking/quality_gate.hpp"
#include "tracking/types.hpp"

namespace am {

// An avatar to announce: with new_character (version 1), or refined, with avatar_updated.
struct AvatarAnnouncement {
  int person_id = 0;
  std::filesystem::path glb_path;
  BindPose bind;
  int version = 1;
};

class AvatarService {
 public:
  AvatarService(const Config& cfg, const std::filesystem::path& models, Metrics& metrics);

  // Visitors the cache knows, with their face embeddings, to seed the tracker's gallery.
  std::vector<Identity> known_identities() const;
  // builder.mode redis: identities other mirrors stored since the last call (empty otherwise).
  std::vector<Identity> take_shared_identities();
  // A tracked person in this frame: queues a build when they need one and pass the gate, or a
  // refinement of their avatar when they have turned (refine.*, avatar_refiner.hpp).
  void consider(int id, const PoseObservation& person, const tracking::PersonInput& input,
                const Frame& frame);
  // A known visitor is back: a build still running from their last visit is theirs again, and
  // their cached avatar (wearing the face they get now: same face tag) is queued for
  // announcement.
  void returned(int id);
  void left(int id);
  // The tracker's gallery for id changed: their faces and body appearance (when known) are
  // stored with their identity.
  void remember(int id, const std::vector<std::vector<float>>& embeddings,
                const tracking::BodyAppearance* body);
  // A fresh id that turned out to be a returning visitor: its identity and avatar go.
  void forget_identity(int id);
  // Avatars finished or refined since the last call; the bind poses become known to bind_pose().
  std::vector<AvatarAnnouncement> take_ready(double now_ms);
  const BindPose* bind_pose(int id) const { return states_.bind_pose(id); }
  // Every 10 minutes (and on the first call), on a worker: the cache's age and size limits and
  // avatar files of people gone for an hour (not those on screen).
  void maybe_clean_cache(double now_ms, const std::set<int>& on_screen);
  // Waits for the builds in progress, here or (builder.mode redis, up to 2 minutes) on the
  // workers; their avatars then come out of take_ready().
  void drain();
  void stop() { workers_.stop(); }

 private:
  std::unique_ptr<RemoteBuilds> make_remote_builds(const Config& cfg);
  // On a worker: the job's photo gets the person's face (faces_), then goes to Redis or is
  // built here (build(), which throws when the person cannot be built); a failure is reported
  // (failed()) and retried after a pause.
  void dispatch(const BuildJob& job, double seen_ms);
  void build(const BuildJob& job, double seen_ms);
  void failed(int id, const std::string& reason);
  void queue_ready(ReadyAvatar avatar);
  void refine(const RefineJob& job);  // on a worker

  Metrics& metrics_;
  std::filesystem::path avatar_dir_;
  std::unique_ptr<Cache> cache_;
  Segmenter segmenter_;
  AvatarFaces faces_;  // the face each person's avatar wears
  std::unique_ptr<FaceMesh> face_mesh_;
  BuildTools tools_;
  tracking::QualityOptions gate_options_;
  builder::FloorCameraSettings floor_camera_;  // camera.mount_height_m etc.
  AvatarStates states_;
  AvatarRefiner refiner_;
  Inbox<ReadyAvatar> ready_;  // filled by workers, drained by take_ready()
  double last_cleanup_ms_ = -1;
  std::unique_ptr<RemoteBuilds> remote_;  // builder.mode redis
  WorkerPool workers_;                    // last: its threads stop before the members they use go
};

}  // namespace am

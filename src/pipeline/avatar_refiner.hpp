// Refinement of the avatars built here from the frames in which their person turned (issue 16,
// docs/avatar.md "Refinement from turned frames"). Keeps each finished build (rest mesh, rig,
// atlas, bind pose) and is shown every tracked person's pose by the live path: when a person's
// body has turned at least min_yaw_deg away from the build view, into a 30-degree sector of yaw
// not used yet, and their last refinement is min_interval_ms old, wants() says yes and marks them
// busy. refine() (on an avatar worker) fits the rest mesh's shape to the silhouettes of every
// frame refined from so far and of the build photo (avatar/silhouette_shape.hpp: each frame's pose
// fitted once), paints what the frame sees into the atlas with that pose (avatar/texture_paint.hpp:
// depth test, viewing-angle weights, the best view of each texel kept), writes version N+1 of the
// .glb (refined mesh and texture, same skeleton and weights), replaces the cached avatar and gives
// the avatar to announce with avatar_updated. Thread-safe; the live path only calls wants(), which
// never waits for a refinement.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>

#include "avatar/silhouette_shape.hpp"
#include "avatar/texture_paint.hpp"
#include "builder/builder.hpp"
#include "jobs/build_job.hpp"
#include "perception/pose/pose_types.hpp"

namespace am {

struct RefineOptions {
  bool enabled = true;
  double min_yaw_deg = 45;
  double min_interval_ms = 1000;
};

// One frame to refine a person's avatar from.
struct RefineJob {
  int person_id = 0;
  cv::Mat image;           // 8-bit BGR
  PoseObservation person;  // with its segmentation mask
};

class AvatarRefiner {
 public:
  explicit AvatarRefiner(const RefineOptions& options) : options_(options) {}

  // A build of this mirror, announced as version 1: from now on it can be refined.
  void keep(int id, std::shared_ptr<const builder::AvatarBuild> build);
  void forget(int id);
  // Live path: this frame should refine the person's avatar (they are marked busy till refine()).
  bool wants(int id, const PoseObservation& person, double now_ms);
  // On a worker: the refined avatar, stored and ready to announce; nullopt when the person is no
  // longer kept. Throws am::Error when the frame cannot place the avatar (the person is no
  // longer busy either way).
  std::optional<ReadyAvatar> refine(const RefineJob& job, const BuildTools& tools);

 private:
  struct State {
    std::shared_ptr<const builder::AvatarBuild> build;
    avatar::TexturePaint paint;
    std::vector<avatar::ShapeFrame> frames;  // the build photo, then each frame refined from
    int version = 1;
    bool busy = false;
    double last_ms = -1e300;
    std::set<long> sectors;  // 30-degree yaw sectors already refined from
  };

  void release(int id);

  RefineOptions options_;
  std::mutex mutex_;
  std::map<int, State> states_;
};

}  // namespace am

// What the pipeline knows about each tracked person's avatar: none yet, being built, ready (with
// the bind pose the pose stream rotates against), or failed (retried after a pause). Owned by the
// perception thread; the avatar workers report back through the thread-safe inbox below. A person
// who leaves while their avatar is being built keeps the Building state until the build reports,
// so coming back in the meantime does not start a second build.
#pragma once

#include <map>
#include <optional>
#include <vector>

#include "body/bone_rotations.hpp"
#include "core/inbox.hpp"

namespace am {

enum class AvatarStatus { None, Building, Ready, Failed };

struct AvatarState {
  AvatarStatus status = AvatarStatus::None;
  std::optional<BindPose> bind;  // set when Ready
  double retry_at_ms = 0;        // Failed: no new build before this time
  bool left = false;             // Building when the person left: dropped when the build reports
};

// A finished build reported by a worker, applied on the perception thread.
struct AvatarOutcome {
  int person_id = 0;
  bool ok = false;
  std::optional<BindPose> bind;
};

class AvatarStates {
 public:
  explicit AvatarStates(double retry_after_ms = 5000) : retry_after_ms_(retry_after_ms) {}

  // True when a build should start for id now (no avatar, none building, retry pause over).
  bool wants_build(int id, double now_ms) const;
  void mark_building(int id);
  void mark_ready(int id, BindPose bind);
  const BindPose* bind_pose(int id) const;
  // The person left: their state goes (at once, or when a build in progress reports).
  void forget(int id);
  // The person came back: a build still in progress from their last visit is theirs again.
  void keep(int id);

  // Thread-safe: workers post outcomes; the perception thread applies them once per frame.
  void post(AvatarOutcome outcome);
  std::vector<AvatarOutcome> apply_posted(double now_ms);

 private:
  double retry_after_ms_;
  std::map<int, AvatarState> states_;
  Inbox<AvatarOutcome> inbox_;
};

}  // namespace am

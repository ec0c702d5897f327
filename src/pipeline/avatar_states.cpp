#include "pipeline/avatar_states.hpp"

namespace am {

bool AvatarStates::wants_build(int id, double now_ms) const {
  auto it = states_.find(id);
  if (it == states_.end()) return true;
  const AvatarState& s = it->second;
  return s.status == AvatarStatus::None ||
         (s.status == AvatarStatus::Failed && now_ms >= s.retry_at_ms);
}

void AvatarStates::mark_building(int id) { states_[id].status = AvatarStatus::Building; }

void AvatarStates::mark_ready(int id, BindPose bind) {
  AvatarState& s = states_[id];
  s.status = AvatarStatus::Ready;
  s.bind = std::move(bind);
}

const BindPose* AvatarStates::bind_pose(int id) const {
  auto it = states_.find(id);
  return it != states_.end() && it->second.bind ? &*it->second.bind : nullptr;
}

void AvatarStates::forget(int id) {
  auto it = states_.find(id);
  if (it == states_.end()) return;
  if (it->second.status == AvatarStatus::Building)
    it->second.left = true;
  else
    states_.erase(it);
}

void AvatarStates::keep(int id) {
  auto it = states_.find(id);
  if (it != states_.end()) it->second.left = false;
}

void AvatarStates::post(AvatarOutcome outcome) { inbox_.post(std::move(outcome)); }

std::vector<AvatarOutcome> AvatarStates::apply_posted(double now_ms) {
  std::vector<AvatarOutcome> outcomes = inbox_.take_all();
  for (auto& outcome : outcomes) {
    auto it = states_.find(outcome.person_id);
    if (it == states_.end()) continue;
    if (it->second.left) {  // the person left while their avatar was being built
      states_.erase(it);
      continue;
    }
    if (outcome.ok && outcome.bind) {
      mark_ready(outcome.person_id, *outcome.bind);
    } else {
      it->second.status = AvatarStatus::Failed;
      it->second.retry_at_ms = now_ms + retry_after_ms_;
    }
  }
  return outcomes;
}

}  // namespace am

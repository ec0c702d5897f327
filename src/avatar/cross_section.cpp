#include "avatar/cross_section.hpp"

#include <algorithm>

namespace am::avatar {

CrossSectionProfile uniform_profile(float ratio) { return {{0.0f, ratio, ratio}}; }

HalfDepths profile_at(const CrossSectionProfile& profile, float t) {
  if (t <= profile.front().t) return {profile.front().front, profile.front().back};
  for (size_t i = 1; i < profile.size(); ++i) {
    const ProfileKnot &a = profile[i - 1], &b = profile[i];
    if (t > b.t) continue;
    const float s = (t - a.t) / std::max(b.t - a.t, 1e-6f);
    return {a.front + s * (b.front - a.front), a.back + s * (b.back - a.back)};
  }
  return {profile.back().front, profile.back().back};
}

CrossSectionProfile torso_profile() {
  return {{0.0f, 0.65f, 0.85f},   // hips: flat belly below the navel, buttocks behind
          {0.35f, 0.80f, 0.65f},  // waist: belly in front, the lumbar curve behind
          {0.65f, 0.85f, 0.70f},  // chest: breasts / pectorals in front, shoulder blades
          {1.0f, 0.75f, 0.70f}};  // shoulder line
}

CrossSectionProfile thigh_profile() { return {{0.0f, 1.0f, 1.2f}, {0.3f, 1.0f, 1.0f}}; }

}  // namespace am::avatar

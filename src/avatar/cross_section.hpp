// Cross-section profiles of the body parts. A profile gives, along a part's axis (t = 0 at its
// first landmark, 1 at its second), how deep the front and the back halves of its cross-section
// are, each as a fraction of the part's half-width: a round limb is 1 / 1, the torso is deeper
// in front at the chest and behind at the buttocks, flatter behind at the waist (sources and
// figures in docs/avatar.md). Pure data and one interpolation.
#pragma once

#include <vector>

namespace am::avatar {

struct ProfileKnot {
  float t = 0;      // along the axis, knots in increasing t
  float front = 1;  // front half depth / half-width
  float back = 1;   // back half depth / half-width
};
using CrossSectionProfile = std::vector<ProfileKnot>;

struct HalfDepths {
  float front = 1, back = 1;
};

// One knot: the same ratio everywhere, front and back.
CrossSectionProfile uniform_profile(float ratio);

// Linear between knots, constant beyond the first and last. Requires at least one knot.
HalfDepths profile_at(const CrossSectionProfile& profile, float t);

// Torso from the hips (t = 0) to the shoulders (t = 1): buttocks behind the hips, a flatter
// lumbar back and the belly at the waist, the chest in front below the shoulders.
CrossSectionProfile torso_profile();

// Thigh from the hip (t = 0) to the knee: the buttocks' lower bulge behind its top third.
CrossSectionProfile thigh_profile();

}  // namespace am::avatar

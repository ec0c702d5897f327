// What the refinement measures print and draw (bench/refine_measure.cpp, bench/scan_measure.cpp).
// Takes the tracked frames, the avatar as built and as refined, and the frames' split; prints the
// table per body-yaw band (0-45, 45-90, 90-135, 135-180 degrees from the build view, and all):
// silhouette IoU on all frames and on the held-out ones, render PSNR on the held-out ones,
// front-only and refined; writes the atlases and comparison pictures.
#pragma once

#include <filesystem>
#include <vector>

#include "support/refine_steps.hpp"

namespace am::test {

void print_band_table(const std::vector<ClipFrame>& frames, const PoseLandmarks& bind,
                      const AvatarPair& avatars, const TurnedSplit& split);

// Depth scales, number of views and the time of each refinement step, one line each.
void print_refinement(const Refinement& r);

// The two atlases, the refined avatar as DIR/refined.glb (its shape-fitted mesh wearing the
// painted atlas: the stand-in scan bench/scan_turn/run.sh renders) and, for every `every`-th frame,
// the frame beside the avatar rendered into it as built and as refined, and the refined silhouette
// against the mask.
void write_images(const std::filesystem::path& dir, const AvatarPair& avatars,
                  const std::vector<ClipFrame>& frames, size_t every = 16);

}  // namespace am::test

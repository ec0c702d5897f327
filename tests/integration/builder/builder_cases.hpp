// The photos the builder tests run on, and their avatars built once per test process with the
// real models (segmenter + pose from $MODELS_DIR, else <app_home>/models):
// pifu_ryota (read as BGR: the person on black), pifuhd_test, the SiTH cut-outs composited on
// the real background plate segmentation/bgm_0001_back.png, fr_obama3 and fr_biden (large
// full-body photos), and camera_720p (sith_002 small in a 1280x720 frame: the person crop).
#pragma once

#include <string>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "builder/builder.hpp"

namespace am::test {

std::vector<std::string> builder_case_names();

cv::Mat builder_case_photo(const std::string& name);

// build_avatar(photo, pose tracker, segmenter, face mesh) for the case, cached for the process.
const builder::AvatarBuild& built_avatar_for(const std::string& name);

// Vertices whose source pixel (in the build's working view) lies within radius_px of px.
std::vector<int> vertices_near(const builder::AvatarBuild& b, const Eigen::Vector2f& px,
                               float radius_px);

Eigen::Vector2f landmark_px(const builder::AvatarBuild& b, int landmark);

}  // namespace am::test

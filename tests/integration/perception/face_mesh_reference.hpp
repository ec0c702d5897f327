// Reference landmarks from the official MediaPipe Face Mesh JS solution
// (tests/mediapipe_js/run_face_mesh.mjs: headless Chromium, CPU inference, one face; per photo
// two passes after a reset, the second on the ROI of the first's landmarks; without and with
// refineLandmarks). Cached per photo under
// <app_home>/mediapipe_js/face_mesh_reference/<sha256 of the file>.json; the photos not yet
// cached are run in one Chromium session (install.sh first). Header-only test support.
#pragma once

#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <opencv2/core/types.hpp>

#include "core/paths.hpp"
#include "integration/perception/mediapipe_reference.hpp"

namespace am::test {

// One run of the solution on a photo, in image pixels (empty when it found no face).
struct ReferenceMeshPasses {
  std::vector<cv::Point2f> first, second;  // 468 plain, 478 refined
};

struct ReferenceFaceMesh {
  ReferenceMeshPasses plain, refined;
};

// One pass's landmarks ("first" or "second") in image pixels.
inline std::vector<cv::Point2f> pass_pixels(const nlohmann::json& pass, const char* which) {
  const float w = pass["width"].get<float>(), h = pass["height"].get<float>();
  std::vector<cv::Point2f> out;
  for (const cv::Point3f& p : points_of(pass[which])) out.emplace_back(p.x * w, p.y * h);
  return out;
}

// Image path -> the solution's landmarks on it.
inline std::map<std::string, ReferenceFaceMesh> face_mesh_reference(
    const std::vector<std::filesystem::path>& images) {
  const auto cache = app_home() / "mediapipe_js" / "face_mesh_reference";
  std::filesystem::create_directories(cache);
  std::vector<std::filesystem::path> missing;
  for (const auto& image : images)
    if (!std::filesystem::exists(cache / (file_sha256(image) + ".json"))) missing.push_back(image);
  if (!missing.empty()) run_official_solution(missing, cache, "run_face_mesh.mjs");
  std::map<std::string, ReferenceFaceMesh> result;
  for (const auto& image : images) {
    const auto doc = nlohmann::json::parse(std::ifstream(cache / (file_sha256(image) + ".json")));
    auto passes = [&](const char* key) {
      return ReferenceMeshPasses{pass_pixels(doc[key], "first"), pass_pixels(doc[key], "second")};
    };
    result[image.string()] = {passes("plain"), passes("refined")};
  }
  return result;
}

}  // namespace am::test

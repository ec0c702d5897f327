// Reference landmarks from the official MediaPipe Pose JS solution (tests/mediapipe_js: headless
// Chromium, modelComplexity 1, CPU inference, no smoothing, reset before each photo). Results
// are cached per photo under <app_home>/mediapipe_js/reference/<sha256 of the file>.json; the
// photos not yet cached are run in one Chromium session (install.sh first, which is a no-op
// once installed). chromium_available() says whether the browser is there at all.
// Header-only test support.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <opencv2/core/types.hpp>

#include "core/paths.hpp"

namespace am::test {

struct ReferencePose {
  std::vector<cv::Point3f> landmarks;  // 33, normalized to the image (z like x)
  std::vector<cv::Point3f> world;      // 33, metres
};

inline std::string chromium_path() {
  if (const char* c = std::getenv("CHROMIUM"); c && *c) return c;
  return "/usr/bin/chromium";
}

inline bool chromium_available() { return std::filesystem::exists(chromium_path()); }

inline std::string shell_output(const std::string& command) {
  std::string out;
  if (FILE* pipe = ::popen(command.c_str(), "r")) {
    char buffer[512];
    while (std::fgets(buffer, sizeof buffer, pipe)) out += buffer;
    if (::pclose(pipe) != 0) throw std::runtime_error("command failed: " + command);
  }
  return out;
}

inline std::string file_sha256(const std::filesystem::path& file) {
  return shell_output("sha256sum '" + file.string() + "'").substr(0, 64);
}

inline std::vector<cv::Point3f> points_of(const nlohmann::json& list) {
  std::vector<cv::Point3f> out;
  if (list.is_null()) return out;
  for (const auto& l : list)
    out.emplace_back(l["x"].get<float>(), l["y"].get<float>(), l["z"].get<float>());
  return out;
}

// Runs tests/mediapipe_js/`script` (run_pose.mjs, run_face_mesh.mjs) on the images and caches
// each image's entry of its {"images": {...}} as <cache>/<sha256 of the image>.json.
inline void run_official_solution(const std::vector<std::filesystem::path>& images,
                                  const std::filesystem::path& cache,
                                  const std::string& script = "run_pose.mjs") {
  const auto home = app_home() / "mediapipe_js";
  shell_output("bash '" + std::string(AM_SOURCE_DIR) + "/tests/mediapipe_js/install.sh' >&2");
  const auto out = cache / ("run_" + std::to_string(::getpid()) + ".json");
  std::string command = "node '" + (home / script).string() + "' '" + out.string() + "'";
  for (const auto& image : images) command += " '" + image.string() + "'";
  shell_output(command + " >&2");
  const nlohmann::json all = nlohmann::json::parse(std::ifstream(out));
  for (const auto& image : images) {
    std::ofstream(cache / (file_sha256(image) + ".json")) << all["images"][image.string()].dump();
  }
  std::filesystem::remove(out);
}

// Image -> reference pose (nullopt when the official solution finds nobody).
inline std::map<std::string, std::optional<ReferencePose>> mediapipe_reference(
    const std::vector<std::filesystem::path>& images) {
  const auto cache = app_home() / "mediapipe_js" / "reference";
  std::filesystem::create_directories(cache);
  std::vector<std::filesystem::path> missing;
  for (const auto& image : images)
    if (!std::filesystem::exists(cache / (file_sha256(image) + ".json"))) missing.push_back(image);
  if (!missing.empty()) run_official_solution(missing, cache);
  std::map<std::string, std::optional<ReferencePose>> result;
  for (const auto& image : images) {
    const auto doc = nlohmann::json::parse(std::ifstream(cache / (file_sha256(image) + ".json")));
    std::optional<ReferencePose> pose;
    if (!doc["landmarks"].is_null())
      pose = ReferencePose{points_of(doc["landmarks"]), points_of(doc["world_landmarks"])};
    result[image.string()] = pose;
  }
  return result;
}

}  // namespace am::test

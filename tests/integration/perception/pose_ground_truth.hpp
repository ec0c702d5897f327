// Human (or reference-tool) keypoints shipped with the test photos, mapped to MediaPipe's 33
// landmark indices: COCO-17 (coco_test_coco.json, tfex_pose_landmark_truth.csv) and OpenPose
// BODY_25 (*_openpose.json, *_keypoints.json). Each person is a map landmark index -> pixel;
// joints marked missing in the source are left out. Header-only test support.
#pragma once

#include <array>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <opencv2/core/types.hpp>

namespace am::test {

using GtPerson = std::map<int, cv::Point2f>;

// COCO-17 order -> MediaPipe index.
inline constexpr std::array<int, 17> kCocoToMediaPipe{0,  2,  5,  7,  8,  11, 12, 13, 14,
                                                      15, 16, 23, 24, 25, 26, 27, 28};

// BODY_25 index -> MediaPipe index (-1: no MediaPipe counterpart: neck, mid hip, small toes).
inline constexpr std::array<int, 25> kBody25ToMediaPipe{
    0, -1, 12, 14, 16, 11, 13, 15, -1, 24, 26, 28, 23, 25, 27, 5, 2, 8, 7, 31, -1, 29, 32, -1, 30};

inline nlohmann::json read_json_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  return nlohmann::json::parse(in);
}

inline std::vector<GtPerson> openpose_people(const std::string& path) {
  std::vector<GtPerson> people;
  const nlohmann::json doc = read_json_file(path);
  for (const auto& person : doc["people"]) {
    const auto& k = person["pose_keypoints_2d"];
    GtPerson p;
    for (std::size_t j = 0; j < kBody25ToMediaPipe.size() && 3 * j + 2 < k.size(); ++j) {
      if (kBody25ToMediaPipe[j] < 0 || k[3 * j + 2].get<float>() < 0.1f) continue;
      p[kBody25ToMediaPipe[j]] = {k[3 * j].get<float>(), k[3 * j + 1].get<float>()};
    }
    people.push_back(p);
  }
  return people;
}

inline std::vector<GtPerson> coco_people(const std::string& path, int image_id) {
  std::vector<GtPerson> people;
  const nlohmann::json doc = read_json_file(path);
  for (const auto& a : doc["annotations"]) {
    if (a["image_id"] != image_id || a["num_keypoints"].get<int>() == 0) continue;
    const auto& k = a["keypoints"];
    GtPerson p;
    for (std::size_t j = 0; j < kCocoToMediaPipe.size(); ++j) {
      if (k[3 * j + 2].get<int>() == 0) continue;
      p[kCocoToMediaPipe[j]] = {k[3 * j].get<float>(), k[3 * j + 1].get<float>()};
    }
    people.push_back(p);
  }
  return people;
}

// Row `row` (0 = first data row) of a CSV with 17 COCO joints as x, y columns.
inline std::vector<GtPerson> coco_csv_person(const std::string& path, int row) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);  // header
  for (int r = 0; r <= row; ++r) std::getline(in, line);
  std::stringstream cells(line);
  std::vector<float> v;
  for (std::string cell; std::getline(cells, cell, ',');) v.push_back(std::stof(cell));
  GtPerson p;
  for (std::size_t j = 0; j < kCocoToMediaPipe.size() && 2 * j + 1 < v.size(); ++j)
    p[kCocoToMediaPipe[j]] = {v[2 * j], v[2 * j + 1]};
  return {p};
}

}  // namespace am::test

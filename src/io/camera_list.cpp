#include <algorithm>
#include <cctype>
#include <filesystem>
#include <string>

#include "io/frame_source.hpp"
#include "io/v4l2_device.hpp"

namespace am {
namespace {

// The N of /dev/videoN, or -1 for any other name.
int video_node_number(const std::filesystem::path& path) {
  const std::string name = path.filename().string();
  const std::string prefix = "video";
  if (!name.starts_with(prefix) || name.size() == prefix.size() || name.size() > 12) return -1;
  std::string digits = name.substr(prefix.size());
  if (!std::all_of(digits.begin(), digits.end(), [](unsigned char c) { return std::isdigit(c); }))
    return -1;
  return std::stoi(digits);
}

}  // namespace

std::vector<CameraDevice> list_cameras() {
  std::vector<std::pair<int, CameraDevice>> found;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator("/dev", error)) {
    int number = video_node_number(entry.path());
    if (number < 0) continue;
    if (auto device = query_capture_device(entry.path().string())) {
      found.emplace_back(number, std::move(*device));
    }
  }
  std::sort(found.begin(), found.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<CameraDevice> cameras;
  cameras.reserve(found.size());
  for (auto& [number, device] : found) cameras.push_back(std::move(device));
  return cameras;
}

}  // namespace am

#include "io/source_spec.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

#include "core/error.hpp"

namespace am {
namespace {

bool all_digits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); });
}

bool starts_with_any(const std::string& text, std::initializer_list<std::string_view> prefixes) {
  return std::any_of(prefixes.begin(), prefixes.end(),
                     [&](std::string_view p) { return text.starts_with(p); });
}

int parse_camera_index(std::string_view digits, const std::string& spec) {
  if (!all_digits(digits) || digits.size() > 4) {
    throw SourceError("bad camera source '" + spec +
                      "': use camera:N with N the camera number (0 for /dev/video0)");
  }
  return std::stoi(std::string(digits));
}

}  // namespace

SourceSpec parse_source_spec(const std::string& spec) {
  constexpr std::string_view camera_prefix = "camera:";
  constexpr std::string_view device_prefix = "/dev/video";
  if (spec.starts_with(camera_prefix)) {
    int index = parse_camera_index(std::string_view(spec).substr(camera_prefix.size()), spec);
    return {SpecKind::CameraIndex, "/dev/video" + std::to_string(index), index};
  }
  if (all_digits(spec)) {
    int index = parse_camera_index(spec, spec);
    return {SpecKind::CameraIndex, "/dev/video" + std::to_string(index), index};
  }
  if (spec.starts_with(device_prefix)) {
    std::string_view number = std::string_view(spec).substr(device_prefix.size());
    return {SpecKind::CameraDevice, spec, all_digits(number) ? std::stoi(std::string(number)) : -1};
  }
  if (starts_with_any(spec, {"rtsp://", "rtsps://", "http://", "https://"})) {
    return {SpecKind::Stream, spec, -1};
  }
  return {SpecKind::Path, spec, -1};
}

bool has_image_extension(const std::filesystem::path& path) {
  static constexpr std::array<std::string_view, 15> extensions = {
      ".jpg",  ".jpeg", ".jpe", ".png", ".bmp", ".dib", ".tif", ".tiff",
      ".webp", ".ppm",  ".pgm", ".pbm", ".pnm", ".jp2", ".sr"};
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return std::find(extensions.begin(), extensions.end(), ext) != extensions.end();
}

}  // namespace am

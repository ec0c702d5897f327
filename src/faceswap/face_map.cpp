#include "faceswap/face_map.hpp"

#include <algorithm>
#include <charconv>
#include <sstream>

#include "core/error.hpp"

namespace am {

namespace {

std::string trimmed(const std::string& s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

ConfigError bad_entry(const std::string& entry) {
  return ConfigError("face map entry '" + entry +
                     "' is not ID=PHOTO: write e.g. 0=alice.jpg,1=bob.jpg,*=carol.jpg");
}

int face_id(const std::string& key, const std::string& entry) {
  int id = -1;
  const auto [end, error] = std::from_chars(key.data(), key.data() + key.size(), id);
  if (error != std::errc() || end != key.data() + key.size() || id < 0) throw bad_entry(entry);
  return id;
}

}  // namespace

std::vector<std::filesystem::path> FaceMap::photos() const {
  std::vector<std::filesystem::path> all;
  const auto add = [&all](const std::filesystem::path& p) {
    if (!p.empty() && std::find(all.begin(), all.end(), p) == all.end()) all.push_back(p);
  };
  add(others);
  for (const auto& [id, photo] : by_face) add(photo);
  return all;
}

const std::filesystem::path& FaceMap::photo_for(int id) const {
  const auto found = by_face.find(id);
  return found != by_face.end() ? found->second : others;
}

SourceChoice FaceMap::choose() const {
  return [map = *this, all = photos()](const TargetFace& face) -> std::optional<std::size_t> {
    const std::filesystem::path& photo = map.photo_for(face.id);
    if (photo.empty()) return std::nullopt;
    return static_cast<std::size_t>(std::find(all.begin(), all.end(), photo) - all.begin());
  };
}

FaceMap parse_face_map(const std::string& text) {
  FaceMap map;
  std::istringstream entries(text);
  std::string entry;
  while (std::getline(entries, entry, ',')) {
    if (trimmed(entry).empty()) continue;
    const auto equals = entry.find('=');
    if (equals == std::string::npos) throw bad_entry(entry);
    const std::string key = trimmed(entry.substr(0, equals));
    const std::string photo = trimmed(entry.substr(equals + 1));
    if (photo.empty()) throw bad_entry(entry);
    if (key == "*")
      map.others = photo;
    else
      map.by_face[face_id(key, entry)] = photo;
  }
  return map;
}

}  // namespace am

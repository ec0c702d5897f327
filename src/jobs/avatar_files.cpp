#include "jobs/avatar_files.hpp"

#include <cstdlib>
#include <fstream>

#include "core/error.hpp"

namespace am {

std::filesystem::path write_avatar_file(const std::filesystem::path& dir, int id,
                                        const std::string& glb) {
  auto path = dir / (std::to_string(id) + ".glb");
  const auto temp = dir / (std::to_string(id) + ".glb.tmp");
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out.write(glb.data(), static_cast<std::streamsize>(glb.size()));
    if (!out)
      throw Error("cannot write avatar file " + temp.string() + ": check disk space and that " +
                  dir.string() + " is writable");
  }
  std::filesystem::rename(temp, path);
  return path;
}

std::size_t remove_stale_avatar_files(const std::filesystem::path& dir, const std::set<int>& keep,
                                      std::chrono::seconds max_age) {
  namespace fs = std::filesystem;
  const auto oldest = fs::file_time_type::clock::now() - max_age;
  std::size_t removed = 0;
  std::error_code ec;
  for (const auto& item : fs::directory_iterator(dir, ec)) {
    const std::string name = item.path().filename().string();
    const bool temp = name.ends_with(".glb.tmp");
    if (!temp && item.path().extension() != ".glb") continue;
    if (!temp && keep.count(std::atoi(name.c_str())) > 0) continue;
    const auto written = fs::last_write_time(item.path(), ec);
    if (!ec && written < oldest && fs::remove(item.path(), ec)) ++removed;
  }
  return removed;
}

std::string avatar_metadata(const Landmarks& bind_world, const nlohmann::json& report,
                            const std::string& face) {
  nlohmann::json points = nlohmann::json::array();
  for (const auto& p : bind_world) points.push_back({p.x(), p.y(), p.z()});
  return nlohmann::json{{"bind_world", points}, {"report", report}, {"face", face}}.dump();
}

std::string face_from_metadata(const std::string& metadata_json) {
  const auto doc = nlohmann::json::parse(metadata_json, nullptr, false);
  if (!doc.is_object() || !doc.contains("face") || !doc["face"].is_string()) return "";
  return doc["face"].get<std::string>();
}

std::optional<Landmarks> bind_world_from_metadata(const std::string& metadata_json) {
  const auto doc = nlohmann::json::parse(metadata_json, nullptr, false);
  if (!doc.is_object() || !doc.contains("bind_world")) return std::nullopt;
  const auto& points = doc["bind_world"];
  Landmarks out{};
  if (!points.is_array() || points.size() != out.size()) return std::nullopt;
  for (size_t i = 0; i < out.size(); ++i) {
    const auto& p = points[i];
    if (!p.is_array() || p.size() != 3) return std::nullopt;
    out[i] = Eigen::Vector3d(p[0].get<double>(), p[1].get<double>(), p[2].get<double>());
  }
  return out;
}

}  // namespace am

#include "jobs/avatar_faces.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>

#include <spdlog/fmt/fmt.h>

#include "cache/crc32.hpp"
#include "core/error.hpp"
#include "faceswap/source_photos.hpp"

namespace am {

std::string avatar_face_tag(const std::filesystem::path& photo, const PasteOptions& paste) {
  if (photo.empty()) return "";
  std::ifstream in(photo, std::ios::binary);
  if (!in)
    throw SourceError("face swap: cannot read the source photo " + photo.string() +
                      ": check the path in face_swap.source_image / face_swap.face_map");
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return fmt::format("swap crc32={:08x} blend={} keep_mouth={} keep_eyes={}", crc32(bytes),
                     paste.blend == BlendMode::Seamless ? "seamless" : "feathered",
                     paste.keep_mouth, paste.keep_eyes);
}

AvatarFaces::AvatarFaces(const std::filesystem::path& models, const FaceMap& map,
                         const FaceSwapOptions& options)
    : map_(map), photos_(map.photos()), swapper_(std::make_unique<FaceSwapper>(models, options)) {
  add_sources(*swapper_, map_);
  for (const std::filesystem::path& photo : photos_)
    tags_.push_back(avatar_face_tag(photo, options.paste));
}

std::size_t AvatarFaces::index(int person) const {
  return static_cast<std::size_t>(std::find(photos_.begin(), photos_.end(), photo(person)) -
                                  photos_.begin());
}

const std::string& AvatarFaces::tag(int person) const {
  static const std::string own_face;
  return photo(person).empty() ? own_face : tags_.at(index(person));
}

cv::Mat AvatarFaces::swapped(const cv::Mat& image, int person, SwapStats* stats) {
  if (photo(person).empty()) return image;
  const std::size_t source = index(person);
  std::lock_guard lock(swapper_mutex_);
  swapper_->reset();
  return swapper_->swap(image, stats, [source](const TargetFace&) { return source; });
}

BuildJob AvatarFaces::dressed(const BuildJob& job) {
  BuildJob out = job;
  out.image = swapped(job.image, job.person_id);
  out.face_tag = tag(job.person_id);
  return out;
}

}  // namespace am

// Which face each person's avatar wears under face swapping: the face map's photo for the
// person's tracked id, else its photo for everyone else, else (no photo) the person's own face.
// Takes the face map, the swap options and the models folder; loads every photo of the map once,
// at construction (SourceError naming a photo that cannot be read or shows no face), so a bad
// path stops start-up, not a build. Gives per person the photo, its face tag (stored with the
// avatar, checked before a cached one is reused) and the build job with its photo swapped.
// Default-constructed: face swapping off, everyone wears their own face (tag ""). The swap is
// thread-safe (one swapper for all photos, locked while it runs).
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "faceswap/face_map.hpp"
#include "faceswap/face_swapper.hpp"
#include "jobs/build_job.hpp"

namespace am {

// The face tag of avatars wearing `photo` pasted with `paste`: "" for an empty path (the
// visitor's own face), else "swap crc32=<the photo's CRC-32> blend=... keep_mouth=...
// keep_eyes=...", so moving the photo does not matter but replacing it does. SourceError naming
// the photo when it cannot be read.
std::string avatar_face_tag(const std::filesystem::path& photo, const PasteOptions& paste);

class AvatarFaces {
 public:
  AvatarFaces() = default;
  AvatarFaces(const std::filesystem::path& models, const FaceMap& map,
              const FaceSwapOptions& options);

  // The photo person `person` wears (FaceMap::photo_for); empty: their own face.
  const std::filesystem::path& photo(int person) const { return map_.photo_for(person); }
  // avatar_face_tag() of that photo (computed once per photo).
  const std::string& tag(int person) const;
  // `image` with its faces swapped for the person's photo (unchanged without one).
  cv::Mat swapped(const cv::Mat& image, int person, SwapStats* stats = nullptr);
  // The job with its image wearing its person's face and face_tag naming it.
  BuildJob dressed(const BuildJob& job);

 private:
  std::size_t index(int person) const;  // of photo(person) in photos_

  FaceMap map_;
  std::vector<std::filesystem::path> photos_;  // map_.photos(): the swapper's source order
  std::vector<std::string> tags_;              // per photo
  std::unique_ptr<FaceSwapper> swapper_;       // null: face swapping off
  std::mutex swapper_mutex_;
};

}  // namespace am

// Which source photo goes on which face. Written as text (config face_swap.face_map, swap-face
// --face-map): comma-separated ID=PHOTO entries, where ID is a face id (swap-face: the swapper's
// face ids, 0, 1, ... in order of appearance, left to right; run: the tracked person id) and
// "*" names the photo for every other face, e.g. "0=alice.jpg,1=bob.jpg,*=carol.jpg". Without
// "*" unlisted faces are left alone. parse_face_map() throws ConfigError naming the bad entry
// (face_map_from() in pipeline/pipeline_settings.hpp adds the config's and command line's
// sources). photo_for() gives the photo of one face id (empty: leave that face alone), photos()
// lists each photo once (the order FaceSwapper::add_source gets them) and choose() turns the map
// into a SourceChoice over those indices. Pure.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "faceswap/face_swapper.hpp"

namespace am {

// An id no entry has (entries are >= 0): it gets the photo for everyone else.
inline constexpr int kUnlistedFace = -1;

struct FaceMap {
  std::map<int, std::filesystem::path> by_face;
  std::filesystem::path others;  // empty: faces not in by_face are left alone

  bool empty() const { return by_face.empty() && others.empty(); }
  const std::filesystem::path& photo_for(int id) const;
  std::vector<std::filesystem::path> photos() const;
  SourceChoice choose() const;
};

FaceMap parse_face_map(const std::string& text);

}  // namespace am

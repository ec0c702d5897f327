// The source photos of a face map loaded into a swapper (for `swap-face` and `run`'s mirror
// view). add_sources() adds each photo of the map, in photos() order (the indices
// FaceMap::choose() gives). Throws SourceError naming the file for an empty map, an unreadable
// photo or one without a face.
#pragma once

#include "faceswap/face_map.hpp"
#include "faceswap/face_swapper.hpp"

namespace am {

void add_sources(FaceSwapper& swapper, const FaceMap& sources);

}  // namespace am

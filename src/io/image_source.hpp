// Still images as frame sources. A single image yields one frame, then ends. A folder yields its
// image files (by extension, other files ignored) sorted by name; an image in it that does not
// decode is skipped with a warning naming the file. Under Pacing::Realtime a folder plays at
// `fps` frames per second. Opening decodes the first image, so a corrupt single image or a
// folder with no decodable image fails here with a SourceError.
#pragma once

#include <filesystem>
#include <memory>

#include "io/frame_source.hpp"

namespace am {

std::unique_ptr<FrameSource> open_image_file(const std::filesystem::path& path);
std::unique_ptr<FrameSource> open_image_folder(const std::filesystem::path& folder, double fps,
                                               Pacing pacing);

}  // namespace am

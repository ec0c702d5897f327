// Video files and network streams through OpenCV's FFmpeg backend. Opening reads the first
// frame, so a file that is not a decodable video fails here with a SourceError. A video that
// stops decoding well before its container's frame count (truncated or damaged tail) ends
// without error at its last good frame: the half-decoded frame before the stop is dropped.
// Files are paced by their own frame rate under Pacing::Realtime; streams are live and never
// paced.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "io/frame_source.hpp"

namespace am {

std::unique_ptr<FrameSource> open_video_file(const std::filesystem::path& path, Pacing pacing);
std::unique_ptr<FrameSource> open_stream(const std::string& url);

}  // namespace am

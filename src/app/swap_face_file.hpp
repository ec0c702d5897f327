// The `avatar-mirror swap-face --source FACE | --face-map ID=PHOTO,... --target IMAGE|VIDEO --out
// OUT` work: reads the source photos of a FaceMap, swaps each onto its faces of the target image
// or of each frame of the target video (tracking and smoothing across frames; face ids as
// FaceSwapper numbers them), and writes OUT (an image, or a video:
// MJPG for .avi, mp4v otherwise, at the target's frame rate; see io/frame_writer.hpp), and with
// a draw path the before/after picture of draw_swap there too (cut to the faces for an image).
// Throws SourceError naming the file when the source has no face or a file cannot be read or
// written.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>

#include "faceswap/face_map.hpp"
#include "faceswap/face_swapper.hpp"

namespace am {

struct SwapFileReport {
  int64_t frames = 0;
  int64_t faces = 0;  // swapped faces summed over frames
  double seconds = 0;
  double detect_ms = 0, landmarks_ms = 0, paste_ms = 0;  // totals over frames
};

// Called after each frame with the count so far (for progress output); may be empty.
using SwapProgress = std::function<void(int64_t frames_done)>;

SwapFileReport swap_face_file(const std::filesystem::path& models_dir, const FaceMap& sources,
                              const std::filesystem::path& target, const std::filesystem::path& out,
                              const FaceSwapOptions& options = {},
                              const SwapProgress& progress = {},
                              const std::filesystem::path& draw = {});

}  // namespace am

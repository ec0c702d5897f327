// open_source(): reads the spec and hands it to the camera, stream, image or video opener after
// checking that a path exists and can be read.
#include <unistd.h>

#include <filesystem>

#include "core/error.hpp"
#include "io/camera_source.hpp"
#include "io/frame_source.hpp"
#include "io/image_source.hpp"
#include "io/source_spec.hpp"
#include "io/video_source.hpp"

namespace am {
namespace {

namespace fs = std::filesystem;

void require_readable(const fs::path& path, bool is_folder) {
  int mode = is_folder ? (R_OK | X_OK) : R_OK;
  if (::access(path.c_str(), mode) != 0) {
    throw SourceError("cannot read " + path.string() +
                      ": permission denied; fix the permissions (chmod " +
                      (is_folder ? "a+rx " : "a+r ") + path.string() + ")");
  }
}

std::unique_ptr<FrameSource> open_path(const fs::path& path, const CameraRequest& camera,
                                       Pacing pacing) {
  std::error_code error;
  if (!fs::exists(path, error)) {
    throw SourceError("source " + path.string() +
                      " does not exist: check the path, or pass camera:N for a camera");
  }
  bool is_folder = fs::is_directory(path, error);
  require_readable(path, is_folder);
  if (is_folder) return open_image_folder(path, camera.fps, pacing);
  if (has_image_extension(path)) return open_image_file(path);
  return open_video_file(path, pacing);
}

}  // namespace

std::unique_ptr<FrameSource> open_source(const std::string& spec, const CameraRequest& camera,
                                         Pacing pacing) {
  SourceSpec parsed = parse_source_spec(spec);
  switch (parsed.kind) {
    case SpecKind::CameraIndex:
    case SpecKind::CameraDevice:
      return open_camera(parsed, camera);
    case SpecKind::Stream:
      return open_stream(parsed.target);
    case SpecKind::Path:
      break;
  }
  return open_path(parsed.target, camera, pacing);
}

}  // namespace am

// Parsing a source spec string into what to open, and telling image files from other files.
// parse_source_spec() only looks at the text; it never touches the file system. Throws
// SourceError for a malformed camera spec such as "camera:x".
#pragma once

#include <filesystem>
#include <string>

namespace am {

enum class SpecKind { CameraIndex, CameraDevice, Stream, Path };

struct SourceSpec {
  SpecKind kind = SpecKind::Path;
  std::string target;     // device path, URL or file system path
  int camera_index = -1;  // for CameraIndex and for /dev/videoN; -1 when not known
};

SourceSpec parse_source_spec(const std::string& spec);

// True when the extension (any case) is one OpenCV's imread decodes.
bool has_image_extension(const std::filesystem::path& path);

}  // namespace am

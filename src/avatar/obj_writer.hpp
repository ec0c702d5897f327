// Wavefront OBJ export (the original design's mesh_path): writes PATH.obj with positions,
// texture coordinates (v flipped to OBJ's bottom-up convention), normals and faces
// v/vt/vn, PATH.mtl naming the texture, and PATH.png (the atlas), all side by side.
// Throws am::Error when a file cannot be written.
#pragma once

#include <filesystem>

#include "avatar/types.hpp"

namespace am::avatar {

// obj_path must end in .obj; the .mtl and .png get the same stem.
void write_obj(const std::filesystem::path& obj_path, const Mesh& mesh);

}  // namespace am::avatar

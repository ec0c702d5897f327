// Binary glTF 2.0 (.glb) export of a rigged avatar; the only unit that knows tinygltf.
// Takes the mesh, skeleton and skin weights; writes one skinned, textured primitive
// (POSITION, NORMAL, TEXCOORD_0, JOINTS_0 as unsigned short, WEIGHTS_0 as float, uint32
// indices), the texture embedded as PNG, one node per bone named after it with its local
// rest transform (TRS), a skin with inverse bind matrices, and a root node "Avatar" holding
// the mesh. Vertices are split where one position carries two texture coordinates (the
// front/back seam), so the file is watertight in positions, not in vertex indices.
// Throws am::Error when the file cannot be written.
#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>

#include "avatar/types.hpp"

namespace am::avatar {

std::vector<uint8_t> encode_glb(const Mesh& mesh, const BindPose& skeleton,
                                const SkinWeights& weights);

void write_glb(const std::filesystem::path& path, const Mesh& mesh, const BindPose& skeleton,
               const SkinWeights& weights);

}  // namespace am::avatar

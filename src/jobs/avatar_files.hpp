// Where built avatars live on disk for clients (mesh_path, and mesh_url served over HTTP), and
// the metadata stored with an avatar in the cache: the bind pose's world landmarks, without which
// a cached avatar could not be animated, and which face it wears (the visitor's own, or a face
// swap setting), so a cached avatar is only reused with the same setting. Pure apart from the
// atomic file write.
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "body/bone_rotations.hpp"

namespace am {

// Writes bytes to dir/<id>.glb through a temporary file and a rename; returns the path.
std::filesystem::path write_avatar_file(const std::filesystem::path& dir, int id,
                                        const std::string& glb);

// Removes dir/<id>.glb files (and leftover .glb.tmp files) not written for longer than max_age,
// except those of the ids in keep (people on screen). They are copies for clients to load right
// after new_character; a returning visitor's file is written again from the cache. Returns the
// number of files removed.
std::size_t remove_stale_avatar_files(const std::filesystem::path& dir, const std::set<int>& keep,
                                      std::chrono::seconds max_age);

// face: the build job's face tag (avatar_face_tag() of the photo swapped in; "" for the visitor's
// own face).
std::string avatar_metadata(const Landmarks& bind_world, const nlohmann::json& report,
                            const std::string& face);
// The bind pose stored by avatar_metadata(), or nullopt when the metadata lacks it.
std::optional<Landmarks> bind_world_from_metadata(const std::string& metadata_json);
// The face stored by avatar_metadata(); "" (own face) when the metadata has none or is not JSON.
std::string face_from_metadata(const std::string& metadata_json);

}  // namespace am

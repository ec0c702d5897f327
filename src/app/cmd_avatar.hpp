// The `avatar` subcommand: avatar-mirror avatar IMAGE --out AVATAR.glb [--report REPORT.json]
// [--obj OUT.obj]. Takes one photo of a person; writes the rigged, textured .glb (and the build
// report as JSON, and an OBJ + MTL + PNG when asked) using the models folder and threads of the
// config. Returns 0; throws am::Error (one actionable line) on failure.
#pragma once

#include <string>

#include "core/config.hpp"

namespace am {

struct AvatarCommand {
  std::string image;
  std::string glb_out;
  std::string report_out;  // empty: no report file
  std::string obj_out;     // empty: no OBJ
};

int cmd_avatar(const Config& cfg, const AvatarCommand& opts);

}  // namespace am

// Three independent consumers load a built avatar (pifuhd_test): the Khronos glTF-Validator
// reports no errors; Blender (Debian `blender`, tests/integration/builder/blender_import.py)
// imports one mesh, an armature with the humanoid bones and weighted vertex groups; Godot 3
// (godot3-server running godot/demo_godot3 in test mode) downloads it from our StreamServer,
// builds it and poses it so its joints land where the streamed joints say. Each skips when its
// tool is not installed.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <thread>

#include <nlohmann/json.hpp>

#include "avatar/skeleton.hpp"
#include "core/clock.hpp"
#include "e2e/stream/waving_person.hpp"
#include "integration/builder/builder_cases.hpp"
#include "stream/server.hpp"
#include "support/process.hpp"
#include "support/synthetic_pose.hpp"
#include "support/testdata.hpp"

namespace am::test {
namespace {

constexpr const char* kCase = "pifuhd_test";

bool have(const std::string& tool) {
  return run_command("command -v " + tool + " >/dev/null").exit_code == 0;
}

std::filesystem::path write_glb(const builder::AvatarBuild& b, const std::string& dir_name) {
  const auto path = scratch_dir(dir_name) / "avatar.glb";
  std::ofstream(path, std::ios::binary)
      .write(reinterpret_cast<const char*>(b.glb.data()),
             static_cast<std::streamsize>(b.glb.size()));
  return path;
}

TEST(BuiltAvatarConsumers, KhronosValidatorReportsNoErrors) {
  if (!gltf_validator_installed())
    GTEST_SKIP() << "glTF-Validator not installed: run tests/gltf_validator/install.sh";
  const auto glb = write_glb(built_avatar_for(kCase), "builder_validator");
  const CommandResult r = validate_glb(glb);
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find(": 0 errors"), std::string::npos) << r.out;
  std::cout << r.out;
}

TEST(BuiltAvatarConsumers, BlenderImportsMeshArmatureAndWeights) {
  if (!have("blender")) GTEST_SKIP() << "blender not installed (apt-get install blender)";
  const builder::AvatarBuild& b = built_avatar_for(kCase);
  const auto glb = write_glb(b, "builder_blender");
  const CommandResult r = run_command(
      "timeout 120 blender -b --factory-startup --python " + std::string(AM_SOURCE_DIR) +
      "/tests/integration/builder/blender_import.py -- " + glb.string());
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  const auto at = r.out.find("AM_BLENDER_JSON ");
  ASSERT_NE(at, std::string::npos) << r.out << r.err;
  const auto j = nlohmann::json::parse(r.out.substr(at + 16, r.out.find('\n', at) - at - 16));
  std::cout << j.dump() << "\n";
  ASSERT_EQ(j["meshes"].size(), 1u);
  ASSERT_EQ(j["armatures"].size(), 1u);
  const auto bones = j["armatures"][0]["bones"].get<std::vector<std::string>>();
  const auto groups = j["meshes"][0]["vertex_groups"].get<std::vector<std::string>>();
  for (const std::string& name : bone_name_list()) {
    EXPECT_NE(std::find(bones.begin(), bones.end(), name), bones.end()) << name << " bone";
    EXPECT_NE(std::find(groups.begin(), groups.end(), name), groups.end()) << name << " group";
  }
  // Blender merges the seam split of the .glb back into positions only where UVs agree: every
  // vertex it made must carry weights.
  EXPECT_EQ(j["meshes"][0]["weighted_vertices"], j["meshes"][0]["vertices"]);
  EXPECT_GE(j["meshes"][0]["vertices"].get<long>(), b.report.vertices);
  EXPECT_TRUE(j["meshes"][0]["armature_modifier"].get<bool>());
}

// Streams the built person waving (poses made from its own bind pose) at 30 poses/s. The joints
// Moves MediaPipe hip-centred joints into the model's frame (feet on the floor; MediaPipe's y
// points down, so the hips are hip_height "above" as -y).
Eigen::Vector3d model_offset(const builder::AvatarBuild& b) {
  const Landmarks world = landmark_points(b.bind_world);
  const Eigen::Vector3d hips = 0.5 * (world[lm::kLeftHip] + world[lm::kRightHip]);
  return Eigen::Vector3d(0, -b.reconstruction.frame.hip_height, 0) - hips;
}

TEST(BuiltAvatarConsumers, Godot3LoadsAndPosesTheBuiltAvatar) {
  if (!have("godot3-server")) GTEST_SKIP() << "godot3-server not installed";
  const builder::AvatarBuild& b = built_avatar_for(kCase);
  const auto glb = write_glb(b, "builder_godot");
  ServerOptions o;
  o.host = "127.0.0.1";
  o.port = 0;
  StreamServer server(o);
  test::WavingPerson person(server, glb, make_bind_pose(landmark_points(b.bind_world)),
                            model_offset(b));
  const std::string cmd = "cd " + std::string(AM_SOURCE_DIR) +
                          "/godot/demo_godot3 && LANG=en_US.UTF-8 timeout 60 godot3-server "
                          "--audio-driver Dummy --path . -- --mirror-test --updates 30 --url "
                          "ws://127.0.0.1:" +
                          std::to_string(server.port()) + " 2>&1";
  const CommandResult r = run_command(cmd);
  const std::string log = r.out + r.err;
  EXPECT_EQ(r.exit_code, 0) << log;
  EXPECT_EQ(log.find("SCRIPT ERROR"), std::string::npos) << log;
  EXPECT_NE(log.find("person 1 has an avatar"), std::string::npos) << log;
  EXPECT_NE(log.find("AVATAR_MIRROR_TEST updates=30"), std::string::npos) << log;
  std::cout << log.substr(std::min(log.size(), log.find("AVATAR_MIRROR_TEST"))) << "\n";
}

}  // namespace
}  // namespace am::test

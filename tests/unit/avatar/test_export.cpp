// glTF and OBJ export: the .glb parsed back by tinygltf (an independent reader), the Khronos
// glTF-Validator when installed (tests/gltf_validator/install.sh), and the OBJ files.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <tiny_gltf.h>

#include "avatar/gltf_writer.hpp"
#include "avatar/obj_writer.hpp"
#include "core/error.hpp"
#include "support/process.hpp"
#include "support/testdata.hpp"
#include "unit/avatar/avatar_fixture.hpp"

namespace am::test {
namespace {

tinygltf::Model load_glb(const std::vector<uint8_t>& glb) {
  tinygltf::Model model;
  tinygltf::TinyGLTF loader;
  std::string err, warn;
  const bool ok = loader.LoadBinaryFromMemory(&model, &err, &warn, glb.data(),
                                              static_cast<unsigned>(glb.size()));
  EXPECT_TRUE(ok) << err;
  EXPECT_TRUE(err.empty()) << err;
  return model;
}

template <typename T>
const T* accessor_data(const tinygltf::Model& m, int accessor) {
  const auto& a = m.accessors[accessor];
  const auto& view = m.bufferViews[a.bufferView];
  return reinterpret_cast<const T*>(m.buffers[view.buffer].data.data() + view.byteOffset +
                                    a.byteOffset);
}

Eigen::Matrix4f node_local(const tinygltf::Node& n) {
  Eigen::Affine3f t = Eigen::Affine3f::Identity();
  if (n.translation.size() == 3)
    t.translate(Eigen::Vector3f(n.translation[0], n.translation[1], n.translation[2]));
  if (n.rotation.size() == 4)
    t.rotate(Eigen::Quaternionf(n.rotation[3], n.rotation[0], n.rotation[1], n.rotation[2]));
  return t.matrix();
}

TEST(AvatarGltf, GlbParsesBackWithMeshSkinAndInverseBinds) {
  const auto& a = built_avatar();
  const auto model = load_glb(avatar::encode_glb(a.rec.mesh, a.skeleton, a.weights));
  ASSERT_EQ(model.meshes.size(), 1u);
  ASSERT_EQ(model.skins.size(), 1u);
  ASSERT_EQ(model.images.size(), 1u);
  EXPECT_EQ(model.images[0].width, a.rec.mesh.texture.cols);
  EXPECT_EQ(model.images[0].height, a.rec.mesh.texture.rows);
  const auto& prim = model.meshes[0].primitives[0];
  for (const char* attr : {"POSITION", "NORMAL", "TEXCOORD_0", "JOINTS_0", "WEIGHTS_0"})
    ASSERT_TRUE(prim.attributes.count(attr)) << attr;
  const size_t nv = model.accessors[prim.attributes.at("POSITION")].count;
  EXPECT_GE(nv, static_cast<size_t>(a.rec.mesh.V.rows()));
  EXPECT_LE(nv, static_cast<size_t>(2 * a.rec.mesh.V.rows()));
  EXPECT_EQ(model.accessors[prim.indices].count, static_cast<size_t>(3 * a.rec.mesh.F.rows()));
  EXPECT_EQ(model.accessors[prim.attributes.at("JOINTS_0")].componentType,
            TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT);
  EXPECT_EQ(model.accessors[prim.attributes.at("WEIGHTS_0")].componentType,
            TINYGLTF_COMPONENT_TYPE_FLOAT);

  const auto& skin = model.skins[0];
  ASSERT_EQ(static_cast<int>(skin.joints.size()), kBoneCount);
  std::vector<int> parent(model.nodes.size(), -1);
  for (size_t n = 0; n < model.nodes.size(); ++n)
    for (int c : model.nodes[n].children) parent[c] = static_cast<int>(n);
  const float* ibm = accessor_data<float>(model, skin.inverseBindMatrices);
  for (size_t j = 0; j < skin.joints.size(); ++j) {
    const int node = skin.joints[j];
    EXPECT_EQ(model.nodes[node].name, bone_name(Bone(j)));
    Eigen::Matrix4f global = node_local(model.nodes[node]);
    for (int p = parent[node]; p >= 0; p = parent[p]) global = node_local(model.nodes[p]) * global;
    const Eigen::Map<const Eigen::Matrix4f> inverse_bind(ibm + 16 * j);
    EXPECT_TRUE((inverse_bind * global).isIdentity(1e-4f)) << bone_name(Bone(j));
  }
}

TEST(AvatarGltf, KhronosValidatorReportsNoErrors) {
  if (!gltf_validator_installed())
    GTEST_SKIP() << "glTF-Validator not installed: run tests/gltf_validator/install.sh";
  const auto& a = built_avatar();
  const auto dir = scratch_dir("gltf_validator");
  avatar::write_glb(dir / "avatar.glb", a.rec.mesh, a.skeleton, a.weights);
  const CommandResult r = validate_glb(dir / "avatar.glb");
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
}

TEST(AvatarObj, WritesObjMtlAndPngWithAllVerticesAndFaces) {
  const auto& m = built_avatar().rec.mesh;
  const auto dir = scratch_dir("obj");
  avatar::write_obj(dir / "avatar.obj", m);
  ASSERT_TRUE(std::filesystem::exists(dir / "avatar.mtl"));
  ASSERT_TRUE(std::filesystem::exists(dir / "avatar.png"));
  std::ifstream obj(dir / "avatar.obj");
  long v = 0, vt = 0, f = 0;
  for (std::string line; std::getline(obj, line);) {
    v += line.rfind("v ", 0) == 0;
    vt += line.rfind("vt ", 0) == 0;
    f += line.rfind("f ", 0) == 0;
  }
  EXPECT_EQ(v, m.V.rows());
  EXPECT_EQ(vt, m.UV.rows());
  EXPECT_EQ(f, m.F.rows());
  EXPECT_THROW(avatar::write_obj(dir / "avatar.txt", m), Error);
}

}  // namespace
}  // namespace am::test

#include "e2e/stream/test_avatar_glb.hpp"

#include <cstring>
#include <stdexcept>

#include <tiny_gltf.h>

namespace am::test {

namespace {

using Eigen::Quaterniond;
using Eigen::Vector3d;

struct Geometry {
  std::vector<float> positions, weights;
  std::vector<uint16_t> joints;
  std::vector<uint32_t> indices;
};

// Box of half-width `r` from the bone's head along its +Y to the tail, in bind coordinates.
void add_box(Geometry& g, const BindPose& bind, int bone, double r) {
  const double length = (bind.tail[bone] - bind.head[bone]).norm();
  const auto first = static_cast<uint32_t>(g.positions.size() / 3);
  for (int corner = 0; corner < 8; ++corner) {
    const Vector3d local((corner & 1) ? r : -r, (corner & 2) ? length : 0.0, (corner & 4) ? r : -r);
    const Vector3d p = bind.head[bone] + bind.rest[bone] * local;
    for (int k = 0; k < 3; ++k) g.positions.push_back(static_cast<float>(p[k]));
    g.joints.insert(g.joints.end(), {static_cast<uint16_t>(bone), 0, 0, 0});
    g.weights.insert(g.weights.end(), {1.0f, 0.0f, 0.0f, 0.0f});
  }
  // Counter-clockwise seen from outside (glTF's front faces).
  static constexpr uint32_t faces[12][3] = {{0, 2, 3}, {0, 3, 1}, {4, 5, 7}, {4, 7, 6},
                                            {0, 1, 5}, {0, 5, 4}, {2, 6, 7}, {2, 7, 3},
                                            {0, 4, 6}, {0, 6, 2}, {1, 3, 7}, {1, 7, 5}};
  for (const auto& f : faces) {
    for (uint32_t v : f) g.indices.push_back(first + v);
  }
}

template <typename T>
int add_accessor(tinygltf::Model& m, const std::vector<T>& data, int component, int type, int count,
                 int target) {
  auto& buffer = m.buffers[0].data;
  const std::size_t offset = buffer.size();
  buffer.resize(offset + data.size() * sizeof(T));
  std::memcpy(buffer.data() + offset, data.data(), data.size() * sizeof(T));
  while (buffer.size() % 4) buffer.push_back(0);
  tinygltf::BufferView view;
  view.buffer = 0;
  view.byteOffset = offset;
  view.byteLength = data.size() * sizeof(T);
  if (target) view.target = target;
  m.bufferViews.push_back(view);
  tinygltf::Accessor a;
  a.bufferView = static_cast<int>(m.bufferViews.size()) - 1;
  a.componentType = component;
  a.type = type;
  a.count = count;
  m.accessors.push_back(a);
  return static_cast<int>(m.accessors.size()) - 1;
}

std::vector<float> inverse_bind_matrices(const BindPose& bind) {
  std::vector<float> out;
  for (int b = 0; b < kBoneCount; ++b) {
    Eigen::Affine3d global = Eigen::Translation3d(bind.head[b]) * bind.rest[b];
    const Eigen::Matrix4d inv = global.inverse().matrix();
    for (int c = 0; c < 4; ++c) {
      for (int r = 0; r < 4; ++r) out.push_back(static_cast<float>(inv(r, c)));  // column-major
    }
  }
  return out;
}

void add_joint_nodes(tinygltf::Model& m, const BindPose& bind) {
  for (int b = 0; b < kBoneCount; ++b) {
    const auto parent = bone_parent(static_cast<Bone>(b));
    const Quaterniond parent_rest = parent ? bind.rest[int(*parent)] : Quaterniond::Identity();
    const Vector3d parent_head = parent ? bind.head[int(*parent)] : Vector3d::Zero();
    const Quaterniond r = parent_rest.conjugate() * bind.rest[b];
    const Vector3d t = parent_rest.conjugate() * (bind.head[b] - parent_head);
    tinygltf::Node node;
    node.name = std::string(bone_name(static_cast<Bone>(b)));
    node.rotation = {r.x(), r.y(), r.z(), r.w()};
    node.translation = {t.x(), t.y(), t.z()};
    m.nodes.push_back(node);
    if (parent) m.nodes[int(*parent)].children.push_back(b);
  }
}

}  // namespace

void write_test_avatar_glb(const BindPose& bind, const std::filesystem::path& out) {
  Geometry g;
  for (int b = 0; b < kBoneCount; ++b) add_box(g, bind, b, b == int(Bone::Head) ? 0.08 : 0.035);
  const int vertices = static_cast<int>(g.positions.size() / 3);
  tinygltf::Model m;
  m.asset.version = "2.0";
  m.buffers.resize(1);
  tinygltf::Primitive prim;
  prim.mode = TINYGLTF_MODE_TRIANGLES;
  prim.attributes["POSITION"] =
      add_accessor(m, g.positions, TINYGLTF_COMPONENT_TYPE_FLOAT, TINYGLTF_TYPE_VEC3, vertices,
                   TINYGLTF_TARGET_ARRAY_BUFFER);
  prim.attributes["JOINTS_0"] =
      add_accessor(m, g.joints, TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT, TINYGLTF_TYPE_VEC4,
                   vertices, TINYGLTF_TARGET_ARRAY_BUFFER);
  prim.attributes["WEIGHTS_0"] =
      add_accessor(m, g.weights, TINYGLTF_COMPONENT_TYPE_FLOAT, TINYGLTF_TYPE_VEC4, vertices,
                   TINYGLTF_TARGET_ARRAY_BUFFER);
  prim.indices =
      add_accessor(m, g.indices, TINYGLTF_COMPONENT_TYPE_UNSIGNED_INT, TINYGLTF_TYPE_SCALAR,
                   static_cast<int>(g.indices.size()), TINYGLTF_TARGET_ELEMENT_ARRAY_BUFFER);
  // Position bounds are required by the glTF spec.
  auto& pos = m.accessors[prim.attributes["POSITION"]];
  pos.minValues = {1e9, 1e9, 1e9};
  pos.maxValues = {-1e9, -1e9, -1e9};
  for (int v = 0; v < vertices; ++v) {
    for (int k = 0; k < 3; ++k) {
      pos.minValues[k] = std::min(pos.minValues[k], double(g.positions[3 * v + k]));
      pos.maxValues[k] = std::max(pos.maxValues[k], double(g.positions[3 * v + k]));
    }
  }
  tinygltf::Mesh mesh;
  mesh.name = "Body";
  mesh.primitives.push_back(prim);
  m.meshes.push_back(mesh);
  add_joint_nodes(m, bind);
  tinygltf::Skin skin;
  for (int b = 0; b < kBoneCount; ++b) skin.joints.push_back(b);
  skin.skeleton = 0;
  skin.inverseBindMatrices =
      add_accessor(m, inverse_bind_matrices(bind), TINYGLTF_COMPONENT_TYPE_FLOAT,
                   TINYGLTF_TYPE_MAT4, kBoneCount, 0);
  m.skins.push_back(skin);
  tinygltf::Node body;
  body.name = "Body";
  body.mesh = 0;
  body.skin = 0;
  m.nodes.push_back(body);
  tinygltf::Scene scene;
  scene.nodes = {0, kBoneCount};
  m.scenes.push_back(scene);
  m.defaultScene = 0;
  tinygltf::TinyGLTF writer;
  if (!writer.WriteGltfSceneToFile(&m, out.string(), true, true, false, true)) {
    throw std::runtime_error("cannot write " + out.string());
  }
}

}  // namespace am::test

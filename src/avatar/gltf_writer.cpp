#include "avatar/gltf_writer.hpp"

#include <cstring>
#include <fstream>
#include <map>
#include <sstream>
#include <utility>

#include <tiny_gltf.h>
#include <opencv2/imgcodecs.hpp>

#include "avatar/skeleton.hpp"
#include "core/error.hpp"

namespace am::avatar {
namespace {

// One glTF vertex per distinct (position index, UV index) pair used by a face corner.
struct SplitVertices {
  std::vector<int> position, uv;  // per glTF vertex
  std::vector<uint32_t> indices;  // per face corner
};

SplitVertices split_seams(const Mesh& m) {
  SplitVertices s;
  std::map<std::pair<int, int>, uint32_t> index_of;
  for (Eigen::Index f = 0; f < m.F.rows(); ++f)
    for (int k = 0; k < 3; ++k) {
      const std::pair<int, int> key{m.F(f, k), m.FUV(f, k)};
      auto [it, added] = index_of.emplace(key, static_cast<uint32_t>(s.position.size()));
      if (added) {
        s.position.push_back(key.first);
        s.uv.push_back(key.second);
      }
      s.indices.push_back(it->second);
    }
  return s;
}

class ModelBuilder {
 public:
  ModelBuilder() { model_.buffers.emplace_back(); }

  // Appends raw bytes as a buffer view (4-byte aligned) and returns its index.
  int add_view(const void* data, size_t bytes, int target) {
    auto& buf = model_.buffers[0].data;
    buf.resize((buf.size() + 3) & ~size_t{3});
    tinygltf::BufferView view;
    view.buffer = 0;
    view.byteOffset = buf.size();
    view.byteLength = bytes;
    view.target = target;
    buf.insert(buf.end(), static_cast<const uint8_t*>(data),
               static_cast<const uint8_t*>(data) + bytes);
    model_.bufferViews.push_back(view);
    return static_cast<int>(model_.bufferViews.size()) - 1;
  }

  template <typename T>
  int add_accessor(const std::vector<T>& values, int component, int type, size_t count, int target,
                   std::vector<double> min = {}, std::vector<double> max = {}) {
    tinygltf::Accessor a;
    a.bufferView = add_view(values.data(), values.size() * sizeof(T), target);
    a.componentType = component;
    a.type = type;
    a.count = count;
    a.minValues = std::move(min);
    a.maxValues = std::move(max);
    model_.accessors.push_back(a);
    return static_cast<int>(model_.accessors.size()) - 1;
  }

  tinygltf::Model& model() { return model_; }

 private:
  tinygltf::Model model_;
};

template <typename T, typename Row>
void append_row(std::vector<T>& out, const Row& row) {
  for (Eigen::Index c = 0; c < row.size(); ++c) out.push_back(static_cast<T>(row(c)));
}

tinygltf::Primitive add_geometry(ModelBuilder& b, const Mesh& m, const SkinWeights& w) {
  const SplitVertices s = split_seams(m);
  std::vector<float> pos, nrm, uv, wts;
  std::vector<uint16_t> jts;
  for (size_t i = 0; i < s.position.size(); ++i) {
    append_row(pos, m.V.row(s.position[i]));
    append_row(nrm, m.N.row(s.position[i]));
    append_row(uv, m.UV.row(s.uv[i]));
    append_row(jts, w.joints.row(s.position[i]));
    append_row(wts, w.weights.row(s.position[i]));
  }
  const Eigen::RowVector3f lo = m.V.colwise().minCoeff(), hi = m.V.colwise().maxCoeff();
  const size_t n = s.position.size();
  constexpr int kVertices = TINYGLTF_TARGET_ARRAY_BUFFER;
  tinygltf::Primitive p;
  p.mode = TINYGLTF_MODE_TRIANGLES;
  p.attributes["POSITION"] =
      b.add_accessor(pos, TINYGLTF_COMPONENT_TYPE_FLOAT, TINYGLTF_TYPE_VEC3, n, kVertices,
                     {lo.x(), lo.y(), lo.z()}, {hi.x(), hi.y(), hi.z()});
  p.attributes["NORMAL"] =
      b.add_accessor(nrm, TINYGLTF_COMPONENT_TYPE_FLOAT, TINYGLTF_TYPE_VEC3, n, kVertices);
  p.attributes["TEXCOORD_0"] =
      b.add_accessor(uv, TINYGLTF_COMPONENT_TYPE_FLOAT, TINYGLTF_TYPE_VEC2, n, kVertices);
  p.attributes["JOINTS_0"] =
      b.add_accessor(jts, TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT, TINYGLTF_TYPE_VEC4, n, kVertices);
  p.attributes["WEIGHTS_0"] =
      b.add_accessor(wts, TINYGLTF_COMPONENT_TYPE_FLOAT, TINYGLTF_TYPE_VEC4, n, kVertices);
  p.indices = b.add_accessor(s.indices, TINYGLTF_COMPONENT_TYPE_UNSIGNED_INT, TINYGLTF_TYPE_SCALAR,
                             s.indices.size(), TINYGLTF_TARGET_ELEMENT_ARRAY_BUFFER);
  p.material = 0;
  return p;
}

void add_material(ModelBuilder& b, const cv::Mat& texture) {
  std::vector<uint8_t> png;
  if (!cv::imencode(".png", texture, png))
    throw Error("avatar: could not encode the texture as PNG");
  tinygltf::Image image;
  image.name = "albedo";
  image.mimeType = "image/png";
  image.bufferView = b.add_view(png.data(), png.size(), 0);
  auto& m = b.model();
  m.images.push_back(image);
  tinygltf::Sampler sampler;
  sampler.magFilter = TINYGLTF_TEXTURE_FILTER_LINEAR;
  sampler.minFilter = TINYGLTF_TEXTURE_FILTER_LINEAR_MIPMAP_LINEAR;
  sampler.wrapS = sampler.wrapT = TINYGLTF_TEXTURE_WRAP_CLAMP_TO_EDGE;
  m.samplers.push_back(sampler);
  tinygltf::Texture tex;
  tex.sampler = 0;
  tex.source = 0;
  m.textures.push_back(tex);
  tinygltf::Material mat;
  mat.name = "avatar";
  mat.pbrMetallicRoughness.baseColorTexture.index = 0;
  mat.pbrMetallicRoughness.metallicFactor = 0.0;
  mat.pbrMetallicRoughness.roughnessFactor = 1.0;
  m.materials.push_back(mat);
}

// Bone nodes 0..B-1 (same order as the skeleton), then the mesh node.
void add_skeleton(ModelBuilder& b, const BindPose& s) {
  auto& m = b.model();
  const auto local = local_rest_transforms(s);
  for (int j = 0; j < kBoneCount; ++j) {
    tinygltf::Node node;
    node.name = std::string(bone_name(static_cast<Bone>(j)));
    const Eigen::Vector3d t = local[j].translation();
    const Eigen::Quaterniond q(local[j].linear());
    node.translation = {t.x(), t.y(), t.z()};
    node.rotation = {q.x(), q.y(), q.z(), q.w()};
    m.nodes.push_back(node);
    if (const auto parent = bone_parent(static_cast<Bone>(j)))
      m.nodes[index(*parent)].children.push_back(j);
  }
  std::vector<float> ibm;
  for (const Eigen::Isometry3d& global : global_rest_transforms(s)) {
    const Eigen::Matrix4f mat = global.inverse().matrix().cast<float>();
    ibm.insert(ibm.end(), mat.data(), mat.data() + 16);  // column-major, as glTF wants
  }
  tinygltf::Skin skin;
  skin.name = "humanoid";
  skin.inverseBindMatrices =
      b.add_accessor(ibm, TINYGLTF_COMPONENT_TYPE_FLOAT, TINYGLTF_TYPE_MAT4, kBoneCount, 0);
  for (int j = 0; j < kBoneCount; ++j) skin.joints.push_back(j);
  skin.skeleton = 0;
  m.skins.push_back(skin);
}

}  // namespace

std::vector<uint8_t> encode_glb(const Mesh& mesh, const BindPose& skeleton,
                                const SkinWeights& weights) {
  ModelBuilder b;
  tinygltf::Mesh gmesh;
  gmesh.name = "avatar";
  gmesh.primitives.push_back(add_geometry(b, mesh, weights));
  add_material(b, mesh.texture);
  add_skeleton(b, skeleton);
  auto& m = b.model();
  m.meshes.push_back(gmesh);
  tinygltf::Node root;
  root.name = "Avatar";
  root.mesh = 0;
  root.skin = 0;
  m.nodes.push_back(root);
  tinygltf::Scene scene;
  scene.nodes = {0, static_cast<int>(m.nodes.size()) - 1};
  m.scenes.push_back(scene);
  m.defaultScene = 0;
  m.asset.version = "2.0";
  m.asset.generator = "avatar-mirror";
  std::ostringstream out;
  tinygltf::TinyGLTF writer;
  if (!writer.WriteGltfSceneToStream(&m, out, false, true))
    throw Error("avatar: tinygltf could not serialize the avatar");
  const std::string bytes = out.str();
  return {bytes.begin(), bytes.end()};
}

void write_glb(const std::filesystem::path& path, const Mesh& mesh, const BindPose& skeleton,
               const SkinWeights& weights) {
  const std::vector<uint8_t> glb = encode_glb(mesh, skeleton, weights);
  std::ofstream file(path, std::ios::binary);
  file.write(reinterpret_cast<const char*>(glb.data()), static_cast<std::streamsize>(glb.size()));
  if (!file)
    throw Error("avatar: cannot write " + path.string() +
                "; check the folder exists and is writable");
}

}  // namespace am::avatar

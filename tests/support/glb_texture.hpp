// What the tests read back from a .glb file: the base colour texture of its first image, as 8-bit
// BGR, and the vertex positions of its first mesh primitive (both empty when the file cannot be
// read or lacks them). Header-only; needs TinyGLTF and OpenCV imgproc.
#pragma once

#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include <tiny_gltf.h>
#include <opencv2/imgproc.hpp>

namespace am::test {

inline cv::Mat glb_texture(const std::filesystem::path& glb) {
  tinygltf::Model model;
  tinygltf::TinyGLTF loader;
  std::string err, warn;
  if (!loader.LoadBinaryFromFile(&model, &err, &warn, glb.string()) || model.images.empty())
    return {};
  const tinygltf::Image& image = model.images.front();
  const cv::Mat pixels(image.height, image.width, CV_8UC(image.component),
                       const_cast<unsigned char*>(image.image.data()));
  cv::Mat bgr;
  cv::cvtColor(pixels, bgr, image.component == 4 ? cv::COLOR_RGBA2BGR : cv::COLOR_RGB2BGR);
  return bgr;
}

// x, y, z of every vertex of the first primitive, in the file's units (metres).
inline std::vector<float> glb_positions(const std::filesystem::path& glb) {
  tinygltf::Model model;
  tinygltf::TinyGLTF loader;
  std::string err, warn;
  if (!loader.LoadBinaryFromFile(&model, &err, &warn, glb.string()) || model.meshes.empty())
    return {};
  const auto& attributes = model.meshes.front().primitives.front().attributes;
  const auto position = attributes.find("POSITION");
  if (position == attributes.end()) return {};
  const tinygltf::Accessor& accessor = model.accessors[position->second];
  const tinygltf::BufferView& view = model.bufferViews[accessor.bufferView];
  const std::size_t stride = view.byteStride ? view.byteStride : 3 * sizeof(float);
  const unsigned char* data =
      model.buffers[view.buffer].data.data() + view.byteOffset + accessor.byteOffset;
  std::vector<float> out(3 * accessor.count);
  for (std::size_t i = 0; i < accessor.count; ++i)
    std::memcpy(&out[3 * i], data + i * stride, 3 * sizeof(float));
  return out;
}

}  // namespace am::test

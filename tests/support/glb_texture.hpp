// The base colour texture of the first image in a .glb file, as 8-bit BGR (empty when the file
// cannot be read or has no image). Header-only; needs TinyGLTF and OpenCV imgproc.
#pragma once

#include <filesystem>
#include <string>

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

}  // namespace am::test

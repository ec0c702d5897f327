#include "support/rendered_turn.hpp"

#include <algorithm>
#include <fstream>

#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>

#include "core/error.hpp"

namespace am::test {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> frame_files(const fs::path& dir) {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().filename().string().rfind("frame_", 0) == 0) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  if (files.empty()) throw Error("no frame_NNN.png in " + dir.string());
  return files;
}

// The RGBA frame over a grey backdrop (150, 150, 150), and its alpha.
std::pair<cv::Mat, cv::Mat> composite(const fs::path& file) {
  const cv::Mat rgba = cv::imread(file.string(), cv::IMREAD_UNCHANGED);
  if (rgba.empty() || rgba.channels() != 4)
    throw Error("cannot read " + file.string() + " as RGBA: render it with render_turn.py");
  std::vector<cv::Mat> channels;
  cv::split(rgba, channels);
  cv::Mat alpha, bgr, image;
  channels[3].convertTo(alpha, CV_32F, 1.0 / 255);
  cv::merge(std::vector<cv::Mat>{channels[0], channels[1], channels[2]}, bgr);
  bgr.convertTo(bgr, CV_32FC3);
  cv::Mat alpha3;
  cv::merge(std::vector<cv::Mat>{alpha, alpha, alpha}, alpha3);
  const cv::Mat backdrop(rgba.size(), CV_32FC3, cv::Scalar::all(150));
  image = bgr.mul(alpha3) + backdrop.mul(cv::Scalar::all(1.0) - alpha3);
  image.convertTo(image, CV_8UC3);
  return {image, channels[3] >= 128};
}

}  // namespace

RenderedTurn read_rendered_turn(const fs::path& dir) {
  std::ifstream in(dir / "camera.json");
  if (!in) throw Error("no camera.json in " + dir.string() + ": render it with render_turn.py");
  const nlohmann::json camera = nlohmann::json::parse(in);
  RenderedTurn out;
  out.camera = {camera.at("camera_height_m").get<float>(), camera.at("fy").get<float>(),
                camera.at("cy").get<float>(), camera.at("pitch_deg").get<float>()};
  out.scan_height_m = camera.at("scan_height_m").get<float>();
  for (const fs::path& file : frame_files(dir)) {
    auto [image, mask] = composite(file);
    out.images.push_back(std::move(image));
    out.masks.push_back(std::move(mask));
  }
  return out;
}

}  // namespace am::test

#include "integration/builder/builder_cases.hpp"

#include <map>
#include <memory>
#include <stdexcept>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "support/models_dir.hpp"
#include "support/testdata.hpp"

namespace am::test {
namespace {

cv::Mat read_image(const std::string& relative, int flags) {
  cv::Mat image = cv::imread(testdata(relative).string(), flags);
  if (image.empty()) throw std::runtime_error("cannot read test image " + relative);
  return image;
}

// The SiTH cut-out over the centre square of the background plate (as the segmentation tests).
cv::Mat sith_on_background(const std::string& name) {
  const cv::Mat bgra = read_image("full_body/" + name + ".png", cv::IMREAD_UNCHANGED);
  const cv::Mat plate = read_image("segmentation/bgm_0001_back.png", cv::IMREAD_COLOR);
  const int side = std::min(plate.cols, plate.rows);
  cv::Mat bg, fg, alpha, alpha3;
  cv::resize(plate(cv::Rect((plate.cols - side) / 2, (plate.rows - side) / 2, side, side)), bg,
             bgra.size(), 0, 0, cv::INTER_AREA);
  cv::cvtColor(bgra, fg, cv::COLOR_BGRA2BGR);
  cv::extractChannel(bgra, alpha, 3);
  alpha.convertTo(alpha, CV_32F, 1.0 / 255.0);
  cv::cvtColor(alpha, alpha3, cv::COLOR_GRAY2BGR);
  fg.convertTo(fg, CV_32FC3);
  bg.convertTo(bg, CV_32FC3);
  cv::Mat out = fg.mul(alpha3) + bg.mul(cv::Scalar::all(1.0) - alpha3);
  out.convertTo(out, CV_8UC3);
  return out;
}

// sith_002 scaled to 360 px high inside a 1280x720 frame of the background plate.
cv::Mat camera_frame() {
  const cv::Mat person = sith_on_background("sith_002");
  const cv::Mat plate = read_image("segmentation/bgm_0001_back.png", cv::IMREAD_COLOR);
  cv::Mat frame, small;
  cv::resize(plate, frame, cv::Size(1280, 720), 0, 0, cv::INTER_AREA);
  cv::resize(person, small, cv::Size(360, 360), 0, 0, cv::INTER_AREA);
  small.copyTo(frame(cv::Rect(700, 300, 360, 360)));
  return frame;
}

}  // namespace

std::vector<std::string> builder_case_names() {
  return {"pifu_ryota", "pifuhd_test", "sith_002", "sith_007",
          "sith_010",   "fr_obama3",   "fr_biden", "camera_720p"};
}

cv::Mat builder_case_photo(const std::string& name) {
  if (name == "pifu_ryota" || name == "pifuhd_test")
    return read_image("full_body/" + name + ".png", cv::IMREAD_COLOR);
  if (name.rfind("sith_", 0) == 0) return sith_on_background(name);
  if (name.rfind("fr_", 0) == 0) return read_image("faces/" + name + ".jpg", cv::IMREAD_COLOR);
  if (name == "camera_720p") return camera_frame();
  throw std::runtime_error("unknown builder test case " + name);
}

const builder::AvatarBuild& built_avatar_for(const std::string& name) {
  static const Segmenter segmenter(models_dir());
  static PoseTracker pose(models_dir());
  static const FaceMesh face_mesh(models_dir() / kFaceMeshModelFile);
  static std::map<std::string, std::unique_ptr<builder::AvatarBuild>> cache;
  auto& slot = cache[name];
  builder::BuildOptions options;
  options.face_mesh = &face_mesh;
  if (!slot)
    slot = std::make_unique<builder::AvatarBuild>(
        builder::build_avatar(builder_case_photo(name), pose, segmenter, options));
  return *slot;
}

std::vector<int> vertices_near(const builder::AvatarBuild& b, const Eigen::Vector2f& px,
                               float radius_px) {
  std::vector<int> out;
  const Eigen::MatrixXf& pixels = b.reconstruction.pixels;
  for (Eigen::Index v = 0; v < pixels.rows(); ++v)
    if ((Eigen::Vector2f(pixels.row(v)) - px).norm() < radius_px)
      out.push_back(static_cast<int>(v));
  return out;
}

Eigen::Vector2f landmark_px(const builder::AvatarBuild& b, int landmark) {
  return {b.view.landmarks[landmark].x, b.view.landmarks[landmark].y};
}

}  // namespace am::test

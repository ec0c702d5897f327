#include "faceswap/face_mesh.hpp"

#include <cmath>

#include <opencv2/imgproc.hpp>

#include "faceswap/mesh_topology.hpp"

namespace am {

namespace {

constexpr int kInputSide = 192;

Tensor rgb_input(const cv::Mat& bgr, const cv::Matx23d& to_crop) {
  cv::Mat crop;
  cv::warpAffine(bgr, crop, to_crop, {kInputSide, kInputSide}, cv::INTER_LINEAR,
                 cv::BORDER_REPLICATE);
  cv::cvtColor(crop, crop, cv::COLOR_BGR2RGB);
  Tensor input{{1, kInputSide, kInputSide, 3}, std::vector<float>(kInputSide * kInputSide * 3)};
  cv::Mat as_float(kInputSide, kInputSide, CV_32FC3, input.data.data());
  crop.convertTo(as_float, CV_32FC3, 1.0 / 255.0);
  return input;
}

}  // namespace

FaceMesh::FaceMesh(const std::filesystem::path& model, const SessionOptions& session)
    : model_(model, "face_landmark", {{"input_1", {1, kInputSide, kInputSide, 3}}},
             {{"conv2d_21", {1, 1, 1, 3 * kMeshPointCount}}, {"conv2d_31", {1, 1, 1, 1}}},
             session) {}

FaceMeshResult FaceMesh::locate(const cv::Mat& bgr, const FaceRoi& roi) const {
  const cv::Matx23d to_crop = crop_transform(roi, kInputSide);
  const std::vector<Tensor> out = model_.run({rgb_input(bgr, to_crop)});
  cv::Matx23d to_image;
  cv::invertAffineTransform(to_crop, to_image);
  FaceMeshResult result;
  result.points.resize(kMeshPointCount);
  for (int i = 0; i < kMeshPointCount; ++i) {
    const double x = out[0].data[3 * i], y = out[0].data[3 * i + 1];
    result.points[i] = {
        static_cast<float>(to_image(0, 0) * x + to_image(0, 1) * y + to_image(0, 2)),
        static_cast<float>(to_image(1, 0) * x + to_image(1, 1) * y + to_image(1, 2))};
  }
  result.presence = 1.0f / (1.0f + std::exp(-out[1].data[0]));
  return result;
}

}  // namespace am

#include "perception/face/face_mesh.hpp"

#include <cmath>

#include <opencv2/imgproc.hpp>

#include "perception/common/image_to_tensor.hpp"
#include "perception/face/face_mesh_topology.hpp"

namespace am {

namespace {

constexpr int kInputSide = 192;

// The face ROI upright at 192 x 192, RGB in [0, 1], border replicated.
const ImageTensorSpec kInput{{kInputSide, kInputSide},
                             {0.0f, 1.0f},
                             TensorLayout::Nhwc,
                             TensorChannels::Rgb,
                             CropBorder::Replicate};

}  // namespace

FaceMesh::FaceMesh(const std::filesystem::path& model, const SessionOptions& session)
    : model_(model, "face_landmark", {{"input_1", {1, kInputSide, kInputSide, 3}}},
             {{"conv2d_21", {1, 1, 1, 3 * kMeshPointCount}}, {"conv2d_31", {1, 1, 1, 1}}},
             session) {}

FaceMeshResult FaceMesh::locate(const cv::Mat& bgr, const FaceRoi& roi) const {
  const cv::Matx23d to_crop = crop_transform(roi, kInputSide);
  cv::Matx23d to_image;
  cv::invertAffineTransform(to_crop, to_image);
  const ImageTensor input = image_to_tensor(bgr, to_image, kInput);
  const std::vector<Tensor> out = model_.run({input.tensor});
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

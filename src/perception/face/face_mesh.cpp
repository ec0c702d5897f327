#include "perception/face/face_mesh.hpp"

#include <cmath>
#include <span>

#include <opencv2/imgproc.hpp>

#include "perception/common/image_to_tensor.hpp"
#include "perception/face/face_mesh_refinement.hpp"
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

std::vector<TensorSpec> output_specs(FaceMeshModel kind) {
  auto flat = [](const char* name, int values) { return TensorSpec{name, {1, 1, 1, values}}; };
  if (kind == FaceMeshModel::Plain) {
    return {flat("conv2d_21", 3 * kMeshPointCount), flat("conv2d_31", 1)};
  }
  return {flat("output_mesh_identity", 3 * kMeshPointCount),
          flat("output_lips", 2 * static_cast<int>(kRefinedLips.size())),
          flat("output_left_eye", 2 * static_cast<int>(kRefinedImageLeftEye.size())),
          flat("output_right_eye", 2 * static_cast<int>(kRefinedImageRightEye.size())),
          flat("output_left_iris", 2 * kIrisPointCount),
          flat("output_right_iris", 2 * kIrisPointCount),
          flat("conv_faceflag", 1)};
}

// `values` holds points of `stride` numbers (x, y first) in crop pixels; gives them in the image.
std::vector<cv::Point2f> to_image(std::span<const float> values, int stride,
                                  const cv::Matx23d& crop_to_image) {
  std::vector<cv::Point2f> points;
  for (std::size_t i = 0; i + 1 < values.size(); i += stride) {
    const double x = values[i], y = values[i + 1];
    points.emplace_back(
        static_cast<float>(crop_to_image(0, 0) * x + crop_to_image(0, 1) * y + crop_to_image(0, 2)),
        static_cast<float>(crop_to_image(1, 0) * x + crop_to_image(1, 1) * y +
                           crop_to_image(1, 2)));
  }
  return points;
}

// The third number of each point, scaled from crop to image pixels.
std::vector<float> depth_in_image(std::span<const float> values, const cv::Matx23d& crop_to_image) {
  const double scale = std::sqrt(std::abs(crop_to_image(0, 0) * crop_to_image(1, 1) -
                                          crop_to_image(0, 1) * crop_to_image(1, 0)));
  std::vector<float> depth;
  for (std::size_t i = 2; i < values.size(); i += 3)
    depth.push_back(static_cast<float>(scale * values[i]));
  return depth;
}

float presence_of(const Tensor& logit) { return 1.0f / (1.0f + std::exp(-logit.data[0])); }

}  // namespace

FaceMesh::FaceMesh(const std::filesystem::path& model, const SessionOptions& session,
                   FaceMeshModel kind)
    : kind_(kind),
      model_(model, kind == FaceMeshModel::Plain ? "face_landmark" : "face_landmark_with_attention",
             {{"input_1", {1, kInputSide, kInputSide, 3}}}, output_specs(kind), session) {}

FaceMeshResult FaceMesh::locate(const cv::Mat& bgr, const FaceRoi& roi) const {
  const cv::Matx23d to_crop = crop_transform(roi, kInputSide);
  cv::Matx23d to_image_px;
  cv::invertAffineTransform(to_crop, to_image_px);
  const ImageTensor input = image_to_tensor(bgr, to_image_px, kInput);
  const std::vector<Tensor> out = model_.run({input.tensor});
  FaceMeshResult result;
  result.points = to_image(out[0].data, 3, to_image_px);
  result.depth = depth_in_image(out[0].data, to_image_px);
  result.presence = presence_of(out.back());
  if (kind_ == FaceMeshModel::Plain) return result;
  refine_mesh(result.points, kRefinedLips, to_image(out[1].data, 2, to_image_px));
  refine_mesh(result.points, kRefinedImageLeftEye, to_image(out[2].data, 2, to_image_px));
  refine_mesh(result.points, kRefinedImageRightEye, to_image(out[3].data, 2, to_image_px));
  result.irises = to_image(out[4].data, 2, to_image_px);
  const std::vector<cv::Point2f> right_iris = to_image(out[5].data, 2, to_image_px);
  result.irises.insert(result.irises.end(), right_iris.begin(), right_iris.end());
  return result;
}

FaceMesh attention_face_mesh(const std::filesystem::path& models_dir,
                             const SessionOptions& session) {
  return FaceMesh(models_dir / kFaceMeshAttentionModelFile, session, FaceMeshModel::WithAttention);
}

}  // namespace am

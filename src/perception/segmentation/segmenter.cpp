#include "perception/segmentation/segmenter.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <opencv2/imgproc.hpp>

#include "core/error.hpp"
#include "perception/common/image_to_tensor.hpp"
#include "perception/segmentation/guided_filter.hpp"
#include "perception/segmentation/mask_refine.hpp"

namespace am {

namespace {

constexpr int kInputSide = 256;
constexpr float kPersonThreshold = 0.5f;
// The square (zero-padded where it leaves the image) scaled to 256 x 256, RGB in [0, 1].
const ImageTensorSpec kInput{{kInputSide, kInputSide}, {0.0f, 1.0f},     TensorLayout::Nhwc,
                             TensorChannels::Rgb,      CropBorder::Zero, CropSampling::ResizeArea};
// GrabCut: sure foreground is the person blob shrunk by 8% of the image's long side (thin limbs
// and the gaps between them stay undecided), colour models fitted at <= 512 px, 2 iterations.
constexpr double kGrabCutBand = 0.08;
constexpr int kGrabCutSide = 512;
constexpr int kGrabCutIterations = 2;

void check_image(const cv::Mat& bgr) {
  if (bgr.empty() || bgr.type() != CV_8UC3) {
    throw Error("segment: expected a non-empty 8-bit BGR image, got type " +
                std::to_string(bgr.type()) + "; read images with cv::IMREAD_COLOR");
  }
}

cv::Mat as_probability(const cv::Mat& m, cv::Size size) {
  if (m.size() != size || (m.type() != CV_32FC1 && m.type() != CV_8UC1)) {
    throw Error(
        "segment: the extra probability map must be CV_32FC1 or CV_8UC1 and the image's "
        "size; convert it before passing it");
  }
  cv::Mat p;
  m.convertTo(p, CV_32F, m.type() == CV_8UC1 ? 1.0 / 255.0 : 1.0);
  return p;
}

int long_side(cv::Size s) { return std::max(s.width, s.height); }

// Guided filter sized to the image, its coefficients computed at <= 512 px.
cv::Mat guided_refine(const cv::Mat& bgr, const cv::Mat& prob, const SegmentOptions& options) {
  const int side = long_side(bgr.size());
  GuidedFilterParams params;
  params.radius = std::max(2, static_cast<int>(std::lround(side * options.edge_radius)));
  params.eps = options.edge_eps;
  params.subsample = std::max(1, side / 512);
  return guided_filter(bgr, prob, params);
}

// `count` boxes of side max(short side, long side / count) spread evenly along box's long side.
std::vector<cv::Rect> tiles_along(const cv::Rect& box, int count) {
  const bool tall = box.height >= box.width;
  const int length = tall ? box.height : box.width, across = tall ? box.width : box.height;
  const int side = std::max(across, (length + count - 1) / count);
  std::vector<cv::Rect> out;
  for (int i = 0; i < count; ++i) {
    const int start = count == 1 ? (length - side) / 2 : (length - side) * i / (count - 1);
    out.push_back(tall ? cv::Rect(box.x + (box.width - side) / 2, box.y + start, side, side)
                       : cv::Rect(box.x + start, box.y + (box.height - side) / 2, side, side));
  }
  return out;
}

}  // namespace

Segmenter::Segmenter(const std::filesystem::path& models_dir, const SessionOptions& session)
    : model_(models_dir / kSelfieSegmentationModelFile, "selfie_segmentation",
             {{"input_1", {1, kInputSide, kInputSide, 3}}},
             {{"activation_10", {1, kInputSide, kInputSide, 1}}}, session) {}

cv::Mat Segmenter::probability_in(const cv::Mat& bgr, const cv::Rect& square) const {
  const ImageTensor input =
      image_to_tensor(bgr, rect_to_tensor_matrix(cv::Rect2f(square), kInput.size), kInput);
  auto out = model_.run({input.tensor});
  const cv::Mat patch(kInputSide, kInputSide, CV_32FC1, out[0].data.data());
  cv::Mat prob = cv::Mat::zeros(bgr.size(), CV_32FC1);
  paste_resized(patch, square, prob);
  return prob;
}

cv::Mat Segmenter::tiled_probability(const cv::Mat& bgr, const cv::Rect& person, int tiles,
                                     double margin) const {
  cv::Mat sum = cv::Mat::zeros(bgr.size(), CV_32FC1), count = sum.clone();
  for (const cv::Rect& tile : tiles_along(person, std::max(1, tiles))) {
    const cv::Rect square = square_around(tile, margin);
    sum += probability_in(bgr, square);
    count(square & cv::Rect({0, 0}, bgr.size())) += 1.0f;
  }
  return sum / cv::max(count, 1.0f);
}

cv::Mat Segmenter::coarse_probability(const cv::Mat& bgr, const SegmentOptions& options) const {
  check_image(bgr);
  cv::Mat prob = probability_in(bgr, square_around({{0, 0}, bgr.size()}, 0.0));
  const cv::Rect person = largest_blob_box(prob, kPersonThreshold);
  if (options.person_crop && !person.empty())
    prob = tiled_probability(bgr, person, options.tiles, options.crop_margin);
  if (!options.extra_probability.empty())
    prob = 0.5 * (prob + as_probability(options.extra_probability, bgr.size()));
  return prob;
}

SegmentationResult Segmenter::segment(const cv::Mat& bgr, const SegmentOptions& options) const {
  const cv::Mat coarse = coarse_probability(bgr, options);
  const int reach = std::max(2, long_side(bgr.size()) / 50);
  cv::Mat prob = keep_largest_blob(coarse, kPersonThreshold, reach);
  if (options.refinement == EdgeRefinement::GrabCut) {
    const int band = std::max(2, static_cast<int>(long_side(bgr.size()) * kGrabCutBand));
    prob = grabcut_refine(bgr, prob, band, kGrabCutSide, kGrabCutIterations);
  }
  if (options.refinement != EdgeRefinement::None) prob = guided_refine(bgr, prob, options);
  SegmentationResult result;
  result.mask = probability_to_mask(prob);
  result.cutout = make_cutout(bgr, result.mask);
  return result;
}

}  // namespace am

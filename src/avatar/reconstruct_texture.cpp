#include "avatar/reconstruct_texture.hpp"

#include <algorithm>

#include <opencv2/imgproc.hpp>
#include <opencv2/photo.hpp>

namespace am::avatar {
namespace {

constexpr int kCropMarginPx = 4;
constexpr int kTrustedInsetPx = 2;  // soft mask edges mix in the background: not trusted
constexpr int kFilledOutsetPx = 6;  // band outside the silhouette filled by inpainting
constexpr double kInpaintRadiusPx = 3.0;
constexpr double kBackBlurFraction = 0.02;  // of the crop height

cv::Mat ellipse(int radius) {
  return cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(2 * radius + 1, 2 * radius + 1));
}

// The photo with every untrusted pixel replaced by person colours.
cv::Mat fill_around_person(const cv::Mat& photo, const cv::Mat& mask) {
  cv::Mat trusted, band;
  cv::erode(mask, trusted, ellipse(kTrustedInsetPx));
  if (cv::countNonZero(trusted) == 0) trusted = mask.clone();
  cv::dilate(mask, band, ellipse(kFilledOutsetPx));
  const cv::Scalar mean = cv::mean(photo, trusted);
  cv::Mat filled(photo.size(), photo.type(), mean);
  photo.copyTo(filled, trusted);
  cv::Mat unknown = band & ~trusted;
  cv::Mat inpainted;
  cv::inpaint(filled, unknown, inpainted, kInpaintRadiusPx, cv::INPAINT_TELEA);
  inpainted.copyTo(filled, band);
  return filled;
}

}  // namespace

TextureAtlas make_texture_atlas(const cv::Mat& image_bgr, const cv::Mat& binary_mask) {
  TextureAtlas atlas;
  const cv::Rect box = cv::boundingRect(binary_mask);
  const cv::Rect padded(box.x - kCropMarginPx, box.y - kCropMarginPx, box.width + 2 * kCropMarginPx,
                        box.height + 2 * kCropMarginPx);
  atlas.crop = padded & cv::Rect(0, 0, image_bgr.cols, image_bgr.rows);
  const cv::Mat front = fill_around_person(image_bgr(atlas.crop), binary_mask(atlas.crop));
  cv::Mat back;
  const double sigma = std::max(1.0, kBackBlurFraction * atlas.crop.height);
  cv::GaussianBlur(front, back, cv::Size(), sigma);
  cv::hconcat(front, back, atlas.image);
  return atlas;
}

}  // namespace am::avatar
